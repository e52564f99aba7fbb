using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PartyRoster.Web.Data;

namespace PartyRoster.Web.Tests.Infrastructure;

/// <summary>
/// The real app over a real database: a temporary SQLite file (default) or a fresh PostgreSQL
/// database on the server that tests/run.sh starts (PARTYROSTER_TEST_PG). Never EF InMemory.
/// </summary>
public class PartyRosterFactory : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "partyroster-tests", Guid.NewGuid().ToString("N"));
    private readonly string? _postgresDatabase;

    public PartyRosterFactory() : this(TestDatabase.Sqlite) { }

    public PartyRosterFactory(TestDatabase database)
    {
        Database = database;
        Directory.CreateDirectory(_dataDirectory);
        if (database == TestDatabase.Postgres) _postgresDatabase = "pr_" + Guid.NewGuid().ToString("N")[..16];
    }

    public TestDatabase Database { get; }

    /// <summary>The dashboard figures' <c>Dashboard:RefreshMinutes</c> (0: computed on every view).</summary>
    public string RefreshDashboardMinutes { get; init; } = "0";

    public string DataDirectory => _dataDirectory;

    public string ConnectionString => Database == TestDatabase.Postgres
        ? Postgres.ConnectionStringFor(_postgresDatabase!)
        : $"Data Source={Path.Combine(_dataDirectory, "partyroster.db")};Foreign Keys=True";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:DataDirectory", _dataDirectory);
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Signals:DailyEvaluation", "false");
        // Tests read the dashboard right after changing data: figures computed on every view (DashboardCacheTests keeps them).
        builder.UseSetting("Dashboard:RefreshMinutes", RefreshDashboardMinutes);
        builder.UseSetting("Database:Provider", Database.ToString());
        builder.UseSetting(Database == TestDatabase.Postgres ? "ConnectionStrings:Postgres" : "ConnectionStrings:Sqlite", ConnectionString);
    }

    /// <summary>Runs <paramref name="work"/> with a fresh DbContext from the app's own container.</summary>
    public async Task<T> WithDbAsync<T>(Func<PartyRosterDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<PartyRosterDbContext>());
    }

    public Task WithDbAsync(Func<PartyRosterDbContext, Task> work) =>
        WithDbAsync(async db => { await work(db); return true; });

    public HttpClient CreateBrowserlessClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        if (_postgresDatabase is not null) Postgres.Drop(_postgresDatabase);
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

public enum TestDatabase
{
    Sqlite,
    Postgres,
}

/// <summary>The throwaway PostgreSQL server started by tests/run.sh.</summary>
public static class Postgres
{
    public const string Variable = "PARTYROSTER_TEST_PG";

    /// <summary>The server's connection string; a missing server fails the test rather than skipping it.</summary>
    public static string ServerConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cs
        ? cs
        : throw new InvalidOperationException(
            $"{Variable} is not set: PostgreSQL tests need the server that tests/run.sh starts. Run the tests with tests/run.sh.");

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database, Pooling = false }.ConnectionString;

    public static void Drop(string database)
    {
        var admin = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres", Pooling = false };
        using var connection = new NpgsqlConnection(admin.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
        command.ExecuteNonQuery();
    }
}
