using System.Buffers;

namespace PartyRoster.Web.Infrastructure.Spreadsheets;

/// <summary>
/// A write-only stream between a synchronous writer (the zip archive of an .xlsx, a CSV text writer) and an output
/// that must be written asynchronously (an HTTP response: Kestrel refuses synchronous writes). Writes land in a
/// small in-memory buffer; the producer calls <see cref="DrainAsync"/> after each row, which hands the bytes on
/// once <see cref="DrainThreshold"/> have gathered. Memory stays at about that size however long the file is.
/// </summary>
internal sealed class SpoolStream(Stream output) : Stream
{
    public const int DrainThreshold = 64 * 1024;

    private readonly ArrayBufferWriter<byte> _buffer = new(DrainThreshold * 2);
    private bool _abandoned;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (!_abandoned) _buffer.Write(buffer);
    }

    public override void WriteByte(byte value) => Write([value]);

    /// <summary>From now on nothing more reaches the output (a writer that failed half-way closes its archive into nothing).</summary>
    public void Abandon()
    {
        _abandoned = true;
        _buffer.ResetWrittenCount();
    }

    // Asynchronous writes from the writers above are buffered the same way; DrainAsync is the only place that waits.
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer, offset, count);
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    /// <summary>Hands the buffered bytes to the output once enough have gathered, or all of them when <paramref name="force"/>.</summary>
    public async ValueTask DrainAsync(bool force, CancellationToken ct)
    {
        if (_abandoned || _buffer.WrittenCount == 0 || (!force && _buffer.WrittenCount < DrainThreshold)) return;
        await output.WriteAsync(_buffer.WrittenMemory, ct);
        _buffer.ResetWrittenCount();
    }

    public override void Flush()
    {
        // Synchronous flushes of the writers above only move bytes into the buffer; see DrainAsync.
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_abandoned) return;
        await DrainAsync(force: true, cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
