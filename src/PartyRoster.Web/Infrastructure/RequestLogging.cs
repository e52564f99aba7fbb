using System.Diagnostics;

namespace PartyRoster.Web.Infrastructure;

/// <summary>
/// One log line per request: method, path, status, duration. Never the query string or form fields:
/// searches carry names and citizen ids, and logs must hold no personal data.
/// </summary>
public static class RequestLogging
{
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("PartyRoster.Requests");
        return app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next();
            }
            finally
            {
                var path = context.Request.Path.Value ?? "";
                if (!path.StartsWith("/lib/", StringComparison.Ordinal) && !path.StartsWith("/css/", StringComparison.Ordinal)
                    && !path.StartsWith("/js/", StringComparison.Ordinal) && path != "/health")
                {
                    logger.LogInformation("HTTP {Method} {Path} → {StatusCode} in {ElapsedMs:0} ms",
                        context.Request.Method, path, context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        });
    }
}
