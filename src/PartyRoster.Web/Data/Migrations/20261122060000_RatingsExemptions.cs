// Migrations run once per database: the constant column arrays are not a hot path.
#pragma warning disable CA1861

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PartyRoster.Web.Data.Migrations;

/// <summary>
/// Annual ratings (đánh giá, xếp loại, domain.md §6): one sheet per cell and year with one line per member
/// rated; exemptions from activities (miễn công tác và sinh hoạt, §5). Hand-written and provider-neutral like
/// <see cref="Initial"/>; MigrationDriftTests proves it matches the model.
/// </summary>
[DbContext(typeof(PartyRosterDbContext))]
[Migration("20261122060000_RatingsExemptions")]
public sealed class RatingsExemptions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "RatingSheets",
            columns: table => new
            {
                CellId = table.Column<int>(nullable: false),
                Year = table.Column<int>(nullable: false),
                RatedOn = table.Column<DateOnly>(nullable: false),
                OutstandingUnit = table.Column<bool>(nullable: false),
                Resolution = table.Column<string>(maxLength: 100, nullable: true),
                QuotaWarning = table.Column<string>(maxLength: 1000, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RatingSheets", x => new { x.CellId, x.Year });
                table.ForeignKey(
                    name: "FK_RatingSheets_Organizations_CellId",
                    column: x => x.CellId,
                    principalTable: "Organizations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "AnnualRatings",
            columns: table => new
            {
                MemberId = table.Column<int>(nullable: false),
                Year = table.Column<int>(nullable: false),
                CellId = table.Column<int>(nullable: false),
                Score = table.Column<int>(nullable: false),
                Level = table.Column<string>(maxLength: 40, nullable: false),
                LoweringReason = table.Column<string>(maxLength: 500, nullable: true),
                Note = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AnnualRatings", x => new { x.MemberId, x.Year });
                table.ForeignKey(
                    name: "FK_AnnualRatings_Members_MemberId",
                    column: x => x.MemberId,
                    principalTable: "Members",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_AnnualRatings_RatingSheets_CellId_Year",
                    columns: x => new { x.CellId, x.Year },
                    principalTable: "RatingSheets",
                    principalColumns: new[] { "CellId", "Year" },
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Exemptions",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Identity(),
                MemberId = table.Column<int>(nullable: false),
                CellId = table.Column<int>(nullable: false),
                Ground = table.Column<string>(maxLength: 40, nullable: false),
                StartsOn = table.Column<DateOnly>(nullable: false),
                EndsOn = table.Column<DateOnly>(nullable: true),
                ResolutionNumber = table.Column<string>(maxLength: 100, nullable: false),
                ResolutionDate = table.Column<DateOnly>(nullable: false),
                Note = table.Column<string>(maxLength: 1000, nullable: true),
                ReturnedOn = table.Column<DateOnly>(nullable: true),
                ReturnNote = table.Column<string>(maxLength: 1000, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Exemptions", x => x.Id);
                table.ForeignKey(
                    name: "FK_Exemptions_Members_MemberId",
                    column: x => x.MemberId,
                    principalTable: "Members",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Exemptions_Organizations_CellId",
                    column: x => x.CellId,
                    principalTable: "Organizations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(
            name: "IX_AnnualRatings_CellId_Year",
            table: "AnnualRatings",
            columns: new[] { "CellId", "Year" });

        migrationBuilder.CreateIndex(
            name: "IX_AnnualRatings_Year_Level",
            table: "AnnualRatings",
            columns: new[] { "Year", "Level" });

        migrationBuilder.CreateIndex(
            name: "IX_Exemptions_CellId",
            table: "Exemptions",
            column: "CellId");

        migrationBuilder.CreateIndex(
            name: "IX_Exemptions_MemberId_Open",
            table: "Exemptions",
            column: "MemberId",
            unique: true,
            filter: "\"ReturnedOn\" IS NULL");

        migrationBuilder.CreateIndex(
            name: "IX_Exemptions_MemberId_StartsOn",
            table: "Exemptions",
            columns: new[] { "MemberId", "StartsOn" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "AnnualRatings");
        migrationBuilder.DropTable(name: "Exemptions");
        migrationBuilder.DropTable(name: "RatingSheets");
    }
}
