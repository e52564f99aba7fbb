using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using PartyRoster.Domain.Members;

namespace PartyRoster.Web.Data.Seed;

/// <summary>
/// Inserts <see cref="Member"/> rows (through <see cref="BulkRowWriter"/>) and their name tokens with plain
/// prepared commands on the DbContext's own connection and transaction.
/// </summary>
/// <remarks>
/// Members are still built by the domain constructor, which computes SearchName, SortKey and the name tokens;
/// the tokens need the member's new id, so they have a command of their own.
/// </remarks>
internal sealed class BulkMemberWriter : IAsyncDisposable
{
    private readonly BulkRowWriter _member;
    private readonly DbCommand _token;

    private BulkMemberWriter(BulkRowWriter member, DbCommand token)
    {
        _member = member;
        _token = token;
    }

    public static BulkMemberWriter Create(PartyRosterDbContext db)
    {
        var member = BulkRowWriter.Create<Member>(db);
        var sql = db.GetService<ISqlGenerationHelper>();
        var tokenType = db.Model.FindEntityType(typeof(MemberNameToken))!;
        var tokenTable = StoreObjectIdentifier.Table(tokenType.GetTableName()!, tokenType.GetSchema());
        var tokenColumn = tokenType.FindProperty(nameof(MemberNameToken.Token))!;
        var memberIdColumn = tokenType.FindProperty(nameof(MemberNameToken.MemberId))!;
        var token = db.Database.GetDbConnection().CreateCommand();
        token.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        token.Parameters.Add(((RelationalTypeMapping)tokenColumn.GetTypeMapping()).CreateParameter(token, "t", null, false));
        token.Parameters.Add(((RelationalTypeMapping)memberIdColumn.GetTypeMapping()).CreateParameter(token, "m", null, false));
        token.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(tokenTable.Name, tokenTable.Schema)} "
            + $"({sql.DelimitIdentifier(tokenColumn.GetColumnName(tokenTable)!)}, {sql.DelimitIdentifier(memberIdColumn.GetColumnName(tokenTable)!)}) "
            + $"VALUES ({sql.GenerateParameterNamePlaceholder("t")}, {sql.GenerateParameterNamePlaceholder("m")})";

        return new BulkMemberWriter(member, token);
    }

    /// <summary>Inserts the member and its name tokens; returns the new id.</summary>
    public async Task<int> InsertAsync(Member member, CancellationToken ct)
    {
        var id = await _member.InsertAsync(member, ct);
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
