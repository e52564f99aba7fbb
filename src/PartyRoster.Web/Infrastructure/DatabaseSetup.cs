using Microsoft.EntityFrameworkCore;
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
            : $"Data Source={Path.Combine(dataDirectory, "partyroster.db")};Cache=Shared;Foreign Keys=True",
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
                options.UseSqlite(connectionString, o => o.CommandTimeout(60));
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
