using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace PartyRoster.Web.Data.Migrations;

/// <summary>The one place that knows how a hand-written migration stays provider-neutral (ADR-001).</summary>
internal static class ProviderNeutral
{
    /// <summary>An identity (auto-increment) key column, annotated for SQLite and PostgreSQL alike.</summary>
    public static OperationBuilder<AddColumnOperation> Identity(this OperationBuilder<AddColumnOperation> column) =>
        column.Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
