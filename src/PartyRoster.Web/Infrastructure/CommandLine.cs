using PartyRoster.Web.Infrastructure.Commands;

namespace PartyRoster.Web.Infrastructure;

/// <summary>
/// Operator commands run instead of the web server, e.g.
/// <c>dotnet run --project src/PartyRoster.Web -- create-admin --email admin@example.vn</c>.
/// Each command is a class in Infrastructure/Commands implementing <see cref="ICommand"/>.
/// </summary>
public static class CommandLine
{
    private static readonly ICommand[] Commands = typeof(ICommand).Assembly.GetTypes()
        .Where(t => typeof(ICommand).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
        .Select(t => (ICommand)Activator.CreateInstance(t)!)
        .OrderBy(c => c.Name, StringComparer.Ordinal)
        .ToArray();

    /// <summary>Runs the command named by args[0], if any; returns false to let the web server start.</summary>
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-')) return false;
        var command = Commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            await Console.Error.WriteLineAsync($"Lệnh không rõ: {args[0]}. Các lệnh: {string.Join(", ", Commands.Select(c => c.Name))}.");
            Environment.ExitCode = 2;
            return true;
        }

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.PartyRosterDbContext>();
        await DatabaseSetup.MigrateAsync(db);
        scope.ServiceProvider.GetRequiredService<AuditWriter>().SystemActor = "dòng lệnh: " + command.Name;
        Environment.ExitCode = await command.RunAsync(scope.ServiceProvider, ParseOptions(args.Skip(1).ToArray()));
        return true;
    }

    /// <summary>"--email a --force" → {email: a, force: ""}.</summary>
    public static IReadOnlyDictionary<string, string> ParseOptions(string[] args)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) continue;
            var key = args[i][2..];
            var value = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "";
            result[key] = value;
        }
        return result;
    }
}
