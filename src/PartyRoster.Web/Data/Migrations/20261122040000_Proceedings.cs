using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PartyRoster.Web.Data.Migrations;

/// <summary>Inspections, complaints and suspensions concerning a member (they block transfers and ratings).</summary>
[DbContext(typeof(PartyRosterDbContext))]
[Migration("20261122040000_Proceedings")]
public sealed class Proceedings : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "MemberProceedings",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Identity(),
                MemberId = table.Column<int>(nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                OpenedOn = table.Column<DateOnly>(nullable: false),
                Reference = table.Column<string>(maxLength: 100, nullable: false),
                Summary = table.Column<string>(maxLength: 2000, nullable: true),
                ClosedOn = table.Column<DateOnly>(nullable: true),
                ClosingNote = table.Column<string>(maxLength: 2000, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MemberProceedings", x => x.Id);
                table.ForeignKey(
                    name: "FK_MemberProceedings_Members_MemberId",
                    column: x => x.MemberId,
                    principalTable: "Members",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(
            name: "IX_MemberProceedings_MemberId",
            table: "MemberProceedings",
            column: "MemberId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "MemberProceedings");
    }
}
