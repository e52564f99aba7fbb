using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Tests.Infrastructure;

namespace PartyRoster.Web.Tests.Persistence;

/// <summary>
/// The migrations are hand-written (the EF design tools do not restore here) and ship without a model
/// snapshot, so nothing else notices when they fall behind the model: build one database with
/// Migrate() and one with EnsureCreated() (straight from the model) and require identical schemas.
/// </summary>
public sealed partial class MigrationDriftTests
{
    [Fact]
    public async Task Sqlite_MigratedSchema_MatchesModel()
    {
        var dir = Path.Combine(Path.GetTempPath(), "partyroster-tests", "drift-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            // Pooling off so the files can be deleted afterwards.
            string Cs(string name) => $"Data Source={Path.Combine(dir, name)};Foreign Keys=True;Pooling=False";
            var migrated = await SchemaAsync(DatabaseProvider.Sqlite, Cs("migrated.db"), migrate: true, SqliteSchemaAsync);
            var created = await SchemaAsync(DatabaseProvider.Sqlite, Cs("created.db"), migrate: false, SqliteSchemaAsync);
            AssertSameSchema(migrated, created);
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    [Fact]
    public async Task Postgres_MigratedSchema_MatchesModel()
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        string[] databases = ["pr_drift_m_" + suffix, "pr_drift_c_" + suffix];
        try
        {
            var migrated = await SchemaAsync(DatabaseProvider.Postgres, Postgres.ConnectionStringFor(databases[0]), migrate: true, PostgresSchemaAsync);
            var created = await SchemaAsync(DatabaseProvider.Postgres, Postgres.ConnectionStringFor(databases[1]), migrate: false, PostgresSchemaAsync);
            AssertSameSchema(migrated, created);
        }
        finally
        {
            foreach (var database in databases) Postgres.Drop(database);
        }
    }

    private static async Task<List<string>> SchemaAsync(DatabaseProvider provider, string connectionString, bool migrate,
        Func<DbConnection, Task<List<string>>> describe)
    {
        var options = new DbContextOptionsBuilder<PartyRosterDbContext>();
        DatabaseSetup.Configure(options, provider, connectionString);
        await using var db = new PartyRosterDbContext(options.Options);
        if (migrate)
        {
            Assert.NotEmpty(db.Database.GetMigrations());
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
        else
        {
            Assert.True(await db.Database.EnsureCreatedAsync());
        }

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            var schema = await describe(connection);
            Assert.NotEmpty(schema);
            return schema;
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    /// <summary>
    /// Structure rather than CREATE text: the two paths may quote, space or order things differently
    /// without any difference that matters.
    /// </summary>
    private static async Task<List<string>> SqliteSchemaAsync(DbConnection connection)
    {
        var lines = new List<string>();
        var tables = await QueryAsync(connection,
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_\\_EF%' ESCAPE '\\' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
        foreach (var table in tables)
        {
            var name = table[0]!;
            lines.Add($"table {name} autoincrement={table[1]!.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase)}");
            foreach (var c in await QueryAsync(connection, "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info($p)", name))
                lines.Add($"column {name}.{c[0]} type={c[1]} notnull={c[2]} default={c[3]} pk={c[4]}");
            foreach (var fk in await QueryAsync(connection,
                         "SELECT \"table\", \"from\", \"to\", on_update, on_delete, \"match\", seq FROM pragma_foreign_key_list($p)", name))
                lines.Add($"fk {name}.{fk[1]} -> {fk[0]}.{fk[2]} on_update={fk[3]} on_delete={fk[4]} match={fk[5]} seq={fk[6]}");
            foreach (var ix in await QueryAsync(connection, "SELECT name, \"unique\", origin, partial FROM pragma_index_list($p)", name))
            {
                var columns = await QueryAsync(connection, "SELECT name FROM pragma_index_info($p) ORDER BY seqno", ix[0]!);
                // Auto-indexes (PK/UNIQUE constraints) get generated names; key them by their columns instead.
                var indexName = ix[0]!.StartsWith("sqlite_autoindex_", StringComparison.Ordinal) ? "(auto)" : ix[0];
                lines.Add($"index {name}.{indexName} unique={ix[1]} origin={ix[2]} partial={ix[3]} columns=({string.Join(",", columns.Select(r => r[0]))})");
            }
        }

        // Partial indexes: the WHERE clause lives only in the CREATE INDEX text.
        foreach (var ix in await QueryAsync(connection,
                     "SELECT tbl_name, name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND name NOT LIKE '\\_\\_EF%' ESCAPE '\\'"))
        {
            var sql = ix[2]!;
            var where = sql.IndexOf(" WHERE ", StringComparison.OrdinalIgnoreCase);
            lines.Add($"index-sql {ix[0]}.{ix[1]} where={(where < 0 ? "" : Normalise(sql[(where + 7)..]))}");
        }
        foreach (var other in await QueryAsync(connection,
                     "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type NOT IN ('table', 'index') AND name NOT LIKE '\\_\\_EF%' ESCAPE '\\' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"))
            lines.Add($"{other[0]} {other[2]}.{other[1]} {Normalise(other[3] ?? "")}");
        return lines;
    }

    private static async Task<List<string>> PostgresSchemaAsync(DbConnection connection)
    {
        var lines = new List<string>();
        foreach (var c in await QueryAsync(connection, """
            SELECT table_name, column_name, data_type, is_nullable, character_maximum_length, numeric_precision,
                   datetime_precision, column_default, is_identity, identity_generation
            FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name NOT LIKE '\_\_EF%'
            """))
        {
            // A serial-style default would name its sequence after the table; identity columns have none.
            var columnDefault = c[7] is { } d ? SequenceName().Replace(d, "nextval('<seq>'") : null;
            lines.Add($"column {c[0]}.{c[1]} type={c[2]} nullable={c[3]} maxlength={c[4]} precision={c[5]}/{c[6]} default={columnDefault} identity={c[8]}/{c[9]}");
        }
        foreach (var ix in await QueryAsync(connection,
                     "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '\\_\\_EF%'"))
            lines.Add($"index {ix[0]}.{ix[1]} {ix[2]}");
        foreach (var k in await QueryAsync(connection, """
            SELECT tc.table_name, tc.constraint_name, tc.constraint_type, pg_get_constraintdef(c.oid)
            FROM information_schema.table_constraints tc
            JOIN pg_constraint c ON c.conname = tc.constraint_name AND c.connamespace = 'public'::regnamespace
            WHERE tc.table_schema = 'public' AND tc.table_name NOT LIKE '\_\_EF%' AND tc.constraint_type <> 'CHECK'
            """))
            lines.Add($"constraint {k[0]}.{k[1]} {k[2]} {k[3]}");
        return lines;
    }

    private static void AssertSameSchema(List<string> migrated, List<string> created)
    {
        var onlyMigrated = migrated.Except(created, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var onlyCreated = created.Except(migrated, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (onlyMigrated.Count == 0 && onlyCreated.Count == 0 && migrated.Count == created.Count) return;

        var report = new StringBuilder("The migrations do not produce the model's schema.\n");
        report.AppendLine("Only after Migrate() (the migrations have it, the model does not):");
        foreach (var line in onlyMigrated) report.Append("  - ").AppendLine(line);
        report.AppendLine("Only after EnsureCreated() (the model has it, the migrations do not):");
        foreach (var line in onlyCreated) report.Append("  + ").AppendLine(line);
        Assert.Fail(report.ToString());
    }

    /// <summary>Runs <paramref name="sql"/> (SQLite queries name their one parameter <c>$p</c>) and returns rows as text.</summary>
    private static async Task<List<string?[]>> QueryAsync(DbConnection connection, string sql, string? parameter = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (parameter is not null)
        {
            var p = command.CreateParameter();
            p.ParameterName = "$p";
            p.Value = parameter;
            command.Parameters.Add(p);
        }
        var rows = new List<string?[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
            rows.Add(row);
        }
        return rows;
    }

    private static string Normalise(string sql) =>
        Whitespace().Replace(sql.Replace("\"", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal)
            .Replace("[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"nextval\('[^']*'")]
    private static partial Regex SequenceName();
}
