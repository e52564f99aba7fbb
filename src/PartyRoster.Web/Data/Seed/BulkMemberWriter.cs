using PartyRoster.Domain.Members;

namespace PartyRoster.Web.Data.Seed;

/// <summary>
/// Inserts <see cref="Member"/> rows and their name tokens with <see cref="BulkWriter{T}"/>: for the demo seed, and
/// for the member import (which writes each member's audit entry itself, <c>AuditWriter.AppendCreatedAsync</c>).
/// Members are still built by the domain constructor, which computes SearchName, SortKey and the name tokens.
/// </summary>
internal sealed class BulkMemberWriter : IAsyncDisposable
{
    private readonly BulkWriter<Member> _members;
    private readonly BulkWriter<MemberNameToken> _tokens;

    private BulkMemberWriter(BulkWriter<Member> members, BulkWriter<MemberNameToken> tokens)
    {
        _members = members;
        _tokens = tokens;
    }

    public static BulkMemberWriter Create(PartyRosterDbContext db) =>
        new(BulkWriter<Member>.Create(db), BulkWriter<MemberNameToken>.Create(db));

    /// <summary>Inserts the member and its name tokens; returns the new id.</summary>
    public async Task<int> InsertAsync(Member member, CancellationToken ct)
    {
        var id = await _members.InsertAsync(member, ct);
        _tokens.Override(nameof(MemberNameToken.MemberId), id);
        foreach (var t in member.NameTokens) await _tokens.InsertAsync(t, ct);
        return id;
    }

    public async ValueTask DisposeAsync()
    {
        await _members.DisposeAsync();
        await _tokens.DisposeAsync();
    }
}
