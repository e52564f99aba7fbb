using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PartyRoster.Web.Data;

namespace PartyRoster.Web.Infrastructure;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Where the app keeps its files: the SQLite database, data-protection keys, logs.</summary>
public static class Storage
{
    /// <summary>Storage:DataDirectory, default App_Data under the content root (never bin/).</summary>
    public static string DataDirectory(IConfiguration configuration, IHostEnvironment env)
    {
        var configured = configuration["Storage:DataDirectory"];
        var dir = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(env.ContentRootPath, "App_Data")
            : Path.GetFullPath(configured, env.ContentRootPath);
        Directory.CreateDirectory(dir);
        return dir;
    }
}

public static class DatabaseSetup
{
    public static DatabaseProvider Provider(IConfiguration configuration) =>
        Enum.TryParse<DatabaseProvider>(configuration["Database:Provider"], ignoreCase: true, out var p) ? p : DatabaseProvider.Sqlite;

    public static string ConnectionString(IConfiguration configuration, string dataDirectory) => Provider(configuration) switch
    {
        DatabaseProvider.Postgres => configuration.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is not set."),
        _ => configuration.GetConnectionString("Sqlite") is { Length: > 0 } cs
            ? cs
            : $"Data Source={Path.Combine(dataDirectory, "partyroster.db")};Foreign Keys=True",
    };

    /// <summary>Configures EF Core for the chosen provider. Migrations live in this assembly and serve both.</summary>
    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                options.UseNpgsql(connectionString, o => o.MigrationsHistoryTable("__EFMigrationsHistory"));
                break;
            default:
                options.UseSqlite(connectionString, o => o.CommandTimeout(60)).AddInterceptors(SqlitePragmas.Instance);
                break;
        }
    }

    public static IServiceCollection AddPartyRosterDatabase(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var provider = Provider(configuration);
        var connectionString = ConnectionString(configuration, dataDirectory);
        services.AddDbContext<PartyRosterDbContext>(o => Configure(o, provider, connectionString));
        return services;
    }

    /// <summary>Applies pending migrations; SQLite also gets WAL mode so readers do not wait for writers.</summary>
    public static async Task MigrateAsync(PartyRosterDbContext db, CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}

/// <summary>
/// Per-connection SQLite settings. SQLite's default page cache is 2 MB; a 200,000-member database is
/// ~150 MB, and a name search reads a few thousand index entries and a few hundred rows scattered
/// through it. Memory-mapped reads and a 64 MB cache keep those in memory (ADR-002, tests/bench).
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private const string Pragmas = "PRAGMA mmap_size=268435456; PRAGMA cache_size=-65536; PRAGMA busy_timeout=10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
