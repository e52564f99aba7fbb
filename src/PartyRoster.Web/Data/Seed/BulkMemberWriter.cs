using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PartyRoster.Domain.Members;

namespace PartyRoster.Web.Data.Seed;

/// <summary>
/// Inserts <see cref="Member"/> rows and their name tokens with plain prepared commands on the
/// DbContext's own connection and transaction: for the demo seed, and for the member import (which writes
/// each member's audit entry itself, <c>AuditWriter.AppendCreatedAsync</c>).
/// </summary>
/// <remarks>
/// Trade-off: EF's change tracker costs minutes at 200,000 members (the benchmark); prepared
/// commands take seconds. The SQL is built from the EF model (table and column names, value
/// converters such as enum → string, each provider's identifier quoting), so it follows the
/// mapping instead of duplicating it, and works on SQLite and PostgreSQL alike. Members are still
/// built by the domain constructor, which computes SearchName, SortKey and the name tokens.
/// </remarks>
internal sealed class BulkMemberWriter : IAsyncDisposable
{
    private readonly DbCommand _member;
    private readonly DbCommand _token;
    private readonly Column[] _columns;

    private sealed record Column(DbParameter Parameter, Func<object, object?> Read, ValueConverter? Converter);

    private BulkMemberWriter(DbCommand member, DbCommand token, Column[] columns)
    {
        _member = member;
        _token = token;
        _columns = columns;
    }

    public static BulkMemberWriter Create(PartyRosterDbContext db)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside the caller's transaction.");
        var connection = db.Database.GetDbConnection();
        var sql = db.GetService<ISqlGenerationHelper>();

        var memberType = db.Model.FindEntityType(typeof(Member))!;
        var memberTable = StoreObjectIdentifier.Table(memberType.GetTableName()!, memberType.GetSchema());
        var key = memberType.FindPrimaryKey()!.Properties.Single();
        var properties = memberType.GetProperties().Where(p => p != key).ToArray();

        var member = connection.CreateCommand();
        member.Transaction = transaction;
        var columns = new Column[properties.Length];
        for (var i = 0; i < properties.Length; i++)
        {
            var p = properties[i];
            var mapping = (RelationalTypeMapping)p.GetTypeMapping();
            var parameter = mapping.CreateParameter(member, "p" + i, null, p.IsNullable);
            member.Parameters.Add(parameter);
            var clr = p.PropertyInfo ?? throw new InvalidOperationException($"Member.{p.Name} has no CLR property to read.");
            columns[i] = new Column(parameter, clr.GetValue, mapping.Converter);
        }
        member.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(memberTable.Name, memberTable.Schema)} "
            + $"({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(memberTable)!)))}) "
            + $"VALUES ({string.Join(", ", properties.Select((_, i) => sql.GenerateParameterNamePlaceholder("p" + i)))}) "
            + $"RETURNING {sql.DelimitIdentifier(key.GetColumnName(memberTable)!)}";

        var tokenType = db.Model.FindEntityType(typeof(MemberNameToken))!;
        var tokenTable = StoreObjectIdentifier.Table(tokenType.GetTableName()!, tokenType.GetSchema());
        var tokenColumn = tokenType.FindProperty(nameof(MemberNameToken.Token))!;
        var memberIdColumn = tokenType.FindProperty(nameof(MemberNameToken.MemberId))!;
        var token = connection.CreateCommand();
        token.Transaction = transaction;
        token.Parameters.Add(((RelationalTypeMapping)tokenColumn.GetTypeMapping()).CreateParameter(token, "t", null, false));
        token.Parameters.Add(((RelationalTypeMapping)memberIdColumn.GetTypeMapping()).CreateParameter(token, "m", null, false));
        token.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(tokenTable.Name, tokenTable.Schema)} "
            + $"({sql.DelimitIdentifier(tokenColumn.GetColumnName(tokenTable)!)}, {sql.DelimitIdentifier(memberIdColumn.GetColumnName(tokenTable)!)}) "
            + $"VALUES ({sql.GenerateParameterNamePlaceholder("t")}, {sql.GenerateParameterNamePlaceholder("m")})";

        return new BulkMemberWriter(member, token, columns);
    }

    /// <summary>Inserts the member and its name tokens; returns the new id.</summary>
    public async Task<int> InsertAsync(Member member, CancellationToken ct)
    {
        foreach (var (parameter, read, converter) in _columns)
        {
            var value = read(member);
            if (value is not null && converter is not null) value = converter.ConvertToProvider(value);
            parameter.Value = value ?? DBNull.Value;
        }
        var id = Convert.ToInt32(await _member.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);

        _token.Parameters[1].Value = id;
        foreach (var t in member.NameTokens)
        {
            _token.Parameters[0].Value = t.Token;
            await _token.ExecuteNonQueryAsync(ct);
        }
        return id;
    }

    public async ValueTask DisposeAsync()
    {
        await _member.DisposeAsync();
        await _token.DisposeAsync();
    }
}
