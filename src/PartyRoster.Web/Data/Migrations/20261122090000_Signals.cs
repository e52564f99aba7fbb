// Migrations run once per database: the constant column arrays are not a hot path.
#pragma warning disable CA1861

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PartyRoster.Web.Data.Migrations;

/// <summary>Signals raised from the cell's books for review (domain.md §4), and the log of evaluations.</summary>
[DbContext(typeof(PartyRosterDbContext))]
[Migration("20261122090000_Signals")]
public sealed class Signals : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Signals",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Identity(),
                MemberId = table.Column<int>(nullable: false),
                CellId = table.Column<int>(nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                PeriodKey = table.Column<string>(maxLength: 20, nullable: false),
                Evidence = table.Column<string>(maxLength: 4000, nullable: false),
                RaisedOn = table.Column<DateOnly>(nullable: false),
                CheckedOn = table.Column<DateOnly>(nullable: false),
                ResolvedOn = table.Column<DateOnly>(nullable: true),
                CaseId = table.Column<int>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Signals", x => x.Id);
                table.ForeignKey(
                    name: "FK_Signals_Members_MemberId",
                    column: x => x.MemberId,
                    principalTable: "Members",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Signals_Organizations_CellId",
                    column: x => x.CellId,
                    principalTable: "Organizations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Signals_ScreeningCases_CaseId",
                    column: x => x.CaseId,
                    principalTable: "ScreeningCases",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "SignalRuns",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Identity(),
                StartedAt = table.Column<DateTime>(nullable: false),
                FinishedAt = table.Column<DateTime>(nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: true),
                Scope = table.Column<string>(maxLength: 200, nullable: false),
                MembersChecked = table.Column<int>(nullable: false),
                Raised = table.Column<int>(nullable: false),
                Resolved = table.Column<int>(nullable: false),
                OpenAfter = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_SignalRuns", x => x.Id));

        migrationBuilder.CreateIndex(
            name: "IX_Signals_CaseId",
            table: "Signals",
            column: "CaseId");

        migrationBuilder.CreateIndex(
            name: "IX_Signals_CellId_ResolvedOn",
            table: "Signals",
            columns: new[] { "CellId", "ResolvedOn" });

        migrationBuilder.CreateIndex(
            name: "IX_Signals_MemberId_Kind_PeriodKey",
            table: "Signals",
            columns: new[] { "MemberId", "Kind", "PeriodKey" },
            unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "SignalRuns");
        migrationBuilder.DropTable(name: "Signals");
    }
}
