using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace PartyRoster.Web.Infrastructure;

/// <summary>
/// A download written straight into the response while it is produced (exports of the roster): the first bytes
/// leave before the last row is read, and nothing holds the whole file. Never cached: it carries personal data.
/// </summary>
/// <remarks>
/// An error half-way cannot become an error page any more (the headers are gone): the exception aborts the
/// connection, and the browser reports a failed download rather than saving a short file.
/// </remarks>
public sealed class StreamedDownload(string contentType, string fileName, Func<Stream, CancellationToken, Task> write) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.ContentType = contentType;
        response.Headers.CacheControl = "no-store";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        await write(response.Body, context.HttpContext.RequestAborted);
    }

}
