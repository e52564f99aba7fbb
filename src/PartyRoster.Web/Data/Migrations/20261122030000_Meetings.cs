// Migrations run once per database: the constant column arrays are not a hot path.
#pragma warning disable CA1861

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PartyRoster.Web.Data.Migrations;

/// <summary>
/// Cell meetings (sinh hoạt chi bộ, domain.md §4) and their attendance, one row per member per meeting.
/// Hand-written and provider-neutral like <see cref="Initial"/>; MigrationDriftTests proves it matches the model.
/// </summary>
[DbContext(typeof(PartyRosterDbContext))]
[Migration("20261122030000_Meetings")]
public sealed class Meetings : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Meetings",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Identity(),
                CellId = table.Column<int>(nullable: false),
                HeldOn = table.Column<DateOnly>(nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                Topic = table.Column<string>(maxLength: 500, nullable: true),
                MinutesSummary = table.Column<string>(maxLength: 4000, nullable: true),
                Resolutions = table.Column<string>(maxLength: 4000, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Meetings", x => x.Id);
                table.ForeignKey(
                    name: "FK_Meetings_Organizations_CellId",
                    column: x => x.CellId,
                    principalTable: "Organizations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "MeetingAttendance",
            columns: table => new
            {
                MeetingId = table.Column<int>(nullable: false),
                MemberId = table.Column<int>(nullable: false),
                Status = table.Column<string>(maxLength: 40, nullable: false),
                Reason = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MeetingAttendance", x => new { x.MeetingId, x.MemberId });
                table.ForeignKey(
                    name: "FK_MeetingAttendance_Meetings_MeetingId",
                    column: x => x.MeetingId,
                    principalTable: "Meetings",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_MeetingAttendance_Members_MemberId",
                    column: x => x.MemberId,
                    principalTable: "Members",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(
            name: "IX_MeetingAttendance_MemberId",
            table: "MeetingAttendance",
            column: "MemberId");

        migrationBuilder.CreateIndex(
            name: "IX_Meetings_CellId_HeldOn",
            table: "Meetings",
            columns: new[] { "CellId", "HeldOn" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(
            name: "MeetingAttendance");

        migrationBuilder.DropTable(
            name: "Meetings");
    }
}
