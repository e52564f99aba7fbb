// Migrations run once per database: the constant column arrays are not a hot path.
#pragma warning disable CA1861

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PartyRoster.Web.Data.Migrations;

/// <summary>
/// Transfers of party activity (chuyển sinh hoạt đảng, domain.md §5): official out and in, internal moves,
/// temporary transfers and guests. Hand-written and provider-neutral; MigrationDriftTests proves it matches the model.
/// </summary>
[DbContext(typeof(PartyRosterDbContext))]
[Migration("20261122070000_Transfers")]
public sealed class Transfers : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Transfers",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Identity(),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                Status = table.Column<string>(maxLength: 40, nullable: false),
                MemberId = table.Column<int>(nullable: true),
                FromCellId = table.Column<int>(nullable: true),
                ToCellId = table.Column<int>(nullable: true),
                ExternalOrganization = table.Column<string>(maxLength: 300, nullable: true),
                LetterNumber = table.Column<string>(maxLength: 100, nullable: true),
                StartedOn = table.Column<DateOnly>(nullable: false),
                Deadline = table.Column<DateOnly>(nullable: true),
                PeriodEnd = table.Column<DateOnly>(nullable: true),
                Purpose = table.Column<string>(maxLength: 40, nullable: true),
                GuestName = table.Column<string>(maxLength: 100, nullable: true),
                GuestCardNumber = table.Column<string>(maxLength: 20, nullable: true),
                Note = table.Column<string>(maxLength: 1000, nullable: true),
                CompletedOn = table.Column<DateOnly>(nullable: true),
                CompletionNote = table.Column<string>(maxLength: 1000, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Transfers", x => x.Id);
                table.ForeignKey(
                    name: "FK_Transfers_Members_MemberId",
                    column: x => x.MemberId,
                    principalTable: "Members",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Transfers_Organizations_FromCellId",
                    column: x => x.FromCellId,
                    principalTable: "Organizations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Transfers_Organizations_ToCellId",
                    column: x => x.ToCellId,
                    principalTable: "Organizations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(
            name: "IX_Transfers_CompletedOn",
            table: "Transfers",
            column: "CompletedOn");

        migrationBuilder.CreateIndex(
            name: "IX_Transfers_FromCellId",
            table: "Transfers",
            column: "FromCellId");

        migrationBuilder.CreateIndex(
            name: "IX_Transfers_MemberId",
            table: "Transfers",
            column: "MemberId");

        migrationBuilder.CreateIndex(
            name: "IX_Transfers_Status_Kind_Deadline",
            table: "Transfers",
            columns: new[] { "Status", "Kind", "Deadline" });

        migrationBuilder.CreateIndex(
            name: "IX_Transfers_ToCellId",
            table: "Transfers",
            column: "ToCellId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "Transfers");
    }
}
