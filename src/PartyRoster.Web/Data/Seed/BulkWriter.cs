using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PartyRoster.Web.Data.Seed;

/// <summary>
/// Inserts rows of one entity type with a plain prepared command on the DbContext's own connection and
/// transaction: the demo seed and the benchmarks load hundreds of thousands of rows this way.
/// </summary>
/// <remarks>
/// Trade-off: EF's change tracker costs minutes at 200,000 members (the benchmark); prepared commands take
/// seconds. The SQL is built from the EF model (table and column names, value converters such as enum → string,
/// each provider's identifier quoting), so it follows the mapping instead of duplicating it, and works on SQLite
/// and PostgreSQL alike. Entities are still built by the domain constructors, so their rules hold. A generated
/// key is written back into the entity, as EF would.
/// </remarks>
internal sealed class BulkWriter<T> : IAsyncDisposable where T : class
{
    private readonly DbCommand _command;
    private readonly Column[] _columns;
    private readonly PropertyInfo? _generatedKey;

    private sealed class Column(string name, DbParameter parameter, Func<object, object?> read, ValueConverter? converter)
    {
        public string Name { get; } = name;
        public DbParameter Parameter { get; } = parameter;
        public Func<object, object?> Read { get; } = read;
        public ValueConverter? Converter { get; } = converter;
        public bool Overridden { get; set; }
    }

    private BulkWriter(DbCommand command, Column[] columns, PropertyInfo? generatedKey)
    {
        _command = command;
        _columns = columns;
        _generatedKey = generatedKey;
    }

    public static BulkWriter<T> Create(PartyRosterDbContext db)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside the caller's transaction.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var keyProperties = type.FindPrimaryKey()!.Properties;
        var generated = keyProperties.Count == 1 && keyProperties[0].ValueGenerated == ValueGenerated.OnAdd ? keyProperties[0] : null;
        var properties = type.GetProperties().Where(p => p != generated).ToArray();

        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        var columns = new Column[properties.Length];
        for (var i = 0; i < properties.Length; i++)
        {
            var p = properties[i];
            var mapping = (RelationalTypeMapping)p.GetTypeMapping();
            var parameter = mapping.CreateParameter(command, "p" + i, null, p.IsNullable);
            command.Parameters.Add(parameter);
            Func<object, object?> read = ((MemberInfo?)p.PropertyInfo ?? p.FieldInfo) switch
            {
                PropertyInfo pi => pi.GetValue,
                FieldInfo fi => fi.GetValue,
                _ => throw new InvalidOperationException($"{typeof(T).Name}.{p.Name} has no CLR member to read."),
            };
            columns[i] = new Column(p.Name, parameter, read, mapping.Converter);
        }
        command.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} "
            + $"({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) "
            + $"VALUES ({string.Join(", ", properties.Select((_, i) => sql.GenerateParameterNamePlaceholder("p" + i)))})"
            + (generated is null ? "" : $" RETURNING {sql.DelimitIdentifier(generated.GetColumnName(table)!)}");
        return new BulkWriter<T>(command, columns, generated?.PropertyInfo);
    }

    /// <summary>Inserts every row of <paramref name="rows"/> with one prepared command.</summary>
    public static async Task InsertAllAsync(PartyRosterDbContext db, IEnumerable<T> rows, CancellationToken ct)
    {
        await using var writer = Create(db);
        foreach (var row in rows) await writer.InsertAsync(row, ct);
    }

    /// <summary>
    /// Writes <paramref name="value"/> into <paramref name="property"/> for every following insert, instead of the
    /// entity's own value: a foreign key the entity learns only when EF saves it (a member's id in its name tokens).
    /// </summary>
    public void Override(string property, object? value)
    {
        var column = Array.Find(_columns, c => c.Name == property) ?? throw new ArgumentException($"{typeof(T).Name} has no column {property}.", nameof(property));
        column.Overridden = true;
        column.Parameter.Value = value ?? DBNull.Value;
    }

    /// <summary>Inserts the row; returns the generated key (and sets it on the entity), or 0 when the key is not generated.</summary>
    public async Task<int> InsertAsync(T entity, CancellationToken ct)
    {
        foreach (var c in _columns)
        {
            if (c.Overridden) continue;
            var value = c.Read(entity);
            if (value is not null && c.Converter is not null) value = c.Converter.ConvertToProvider(value);
            c.Parameter.Value = value ?? DBNull.Value;
        }
        if (_generatedKey is null)
        {
            await _command.ExecuteNonQueryAsync(ct);
            return 0;
        }
        var id = Convert.ToInt32(await _command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        _generatedKey.SetValue(entity, id);
        return id;
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
