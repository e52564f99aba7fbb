// Migrations run once per database: the constant column arrays are not a hot path.
#pragma warning disable CA1861

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PartyRoster.Web.Data.Migrations;

/// <summary>
/// Party dues (đảng phí, domain.md §4): each member's dues bases over time and the monthly payments.
/// Hand-written and provider-neutral like <see cref="Initial"/>; MigrationDriftTests proves it matches the model.
/// </summary>
[DbContext(typeof(PartyRosterDbContext))]
[Migration("20261122050000_Dues")]
public sealed class Dues : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "DuesBases",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Identity(),
                MemberId = table.Column<int>(nullable: false),
                EffectiveFrom = table.Column<DateOnly>(nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                BaseAmount = table.Column<long>(nullable: true),
                ExemptionGround = table.Column<string>(maxLength: 40, nullable: true),
                ReliefPercent = table.Column<int>(nullable: true),
                ReliefUntil = table.Column<DateOnly>(nullable: true),
                Note = table.Column<string>(maxLength: 500, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DuesBases", x => x.Id);
                table.ForeignKey(
                    name: "FK_DuesBases_Members_MemberId",
                    column: x => x.MemberId,
                    principalTable: "Members",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "DuesPayments",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Identity(),
                MemberId = table.Column<int>(nullable: false),
                CellId = table.Column<int>(nullable: false),
                DuesMonth = table.Column<DateOnly>(nullable: false),
                Amount = table.Column<long>(nullable: false),
                PaidOn = table.Column<DateOnly>(nullable: false),
                Note = table.Column<string>(maxLength: 300, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DuesPayments", x => x.Id);
                table.ForeignKey(
                    name: "FK_DuesPayments_Members_MemberId",
                    column: x => x.MemberId,
                    principalTable: "Members",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_DuesPayments_Organizations_CellId",
                    column: x => x.CellId,
                    principalTable: "Organizations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(
            name: "IX_DuesBases_MemberId_EffectiveFrom",
            table: "DuesBases",
            columns: new[] { "MemberId", "EffectiveFrom" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_DuesPayments_CellId_DuesMonth",
            table: "DuesPayments",
            columns: new[] { "CellId", "DuesMonth" });

        migrationBuilder.CreateIndex(
            name: "IX_DuesPayments_MemberId_DuesMonth",
            table: "DuesPayments",
            columns: new[] { "MemberId", "DuesMonth" },
            unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "DuesPayments");
        migrationBuilder.DropTable(name: "DuesBases");
    }
}
