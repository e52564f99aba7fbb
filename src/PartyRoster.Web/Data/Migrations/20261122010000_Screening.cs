// Migrations run once per database: the constant column arrays are not a hot path.
#pragma warning disable CA1861

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PartyRoster.Web.Data.Migrations;

/// <summary>
/// The screening workflow (cases, their append-only steps, attachments) and the holiday calendar.
/// Hand-written and provider-neutral like <see cref="Initial"/>; MigrationDriftTests proves it matches the model.
/// </summary>
/// <remarks>
/// A step's value objects (actor, document, tally) are columns of ScreeningSteps; the document and tally
/// columns are null when the step has none. Reasons and Grounds are comma-separated enum names.
/// </remarks>
[DbContext(typeof(PartyRosterDbContext))]
[Migration("20261122010000_Screening")]
public sealed class Screening : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Holidays",
            columns: table => new
            {
                Date = table.Column<DateOnly>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Holidays", x => x.Date);
            });

        migrationBuilder.CreateTable(
            name: "ScreeningCases",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Identity(),
                MemberId = table.Column<int>(nullable: false),
                CellId = table.Column<int>(nullable: false),
                Track = table.Column<string>(maxLength: 40, nullable: false),
                Status = table.Column<string>(maxLength: 40, nullable: false),
                Cycle = table.Column<int>(nullable: false),
                Reasons = table.Column<string>(maxLength: 200, nullable: false),
                Grounds = table.Column<string>(maxLength: 200, nullable: false),
                Evidence = table.Column<string>(maxLength: 4000, nullable: true),
                OpenedOn = table.Column<DateOnly>(nullable: false),
                SelfCriticismReceived = table.Column<bool>(nullable: false),
                SelfCriticismRequests = table.Column<int>(nullable: true),
                HelperMemberId = table.Column<int>(nullable: true),
                HelpStartsOn = table.Column<DateOnly>(nullable: true),
                HelpEndsOn = table.Column<DateOnly>(nullable: true),
                InconclusiveBallotRounds = table.Column<int>(nullable: false),
                ProposalMeetsExpulsionThreshold = table.Column<bool>(nullable: false),
                ViolationsConfirmed = table.Column<bool>(nullable: true),
                VerificationFindings = table.Column<string>(maxLength: 2000, nullable: true),
                Recommendation = table.Column<string>(maxLength: 40, nullable: true),
                DecidedStatus = table.Column<string>(maxLength: 40, nullable: true),
                DecidedOn = table.Column<DateOnly>(nullable: true),
                DecisionReceivedOn = table.Column<DateOnly>(nullable: true),
                AppealLodgedOn = table.Column<DateOnly>(nullable: true),
                AppealAnswerDueOn = table.Column<DateOnly>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ScreeningCases", x => x.Id);
                table.ForeignKey(
                    name: "FK_ScreeningCases_Members_HelperMemberId",
                    column: x => x.HelperMemberId,
                    principalTable: "Members",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_ScreeningCases_Members_MemberId",
                    column: x => x.MemberId,
                    principalTable: "Members",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_ScreeningCases_Organizations_CellId",
                    column: x => x.CellId,
                    principalTable: "Organizations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ScreeningSteps",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Identity(),
                ScreeningCaseId = table.Column<int>(nullable: false),
                Sequence = table.Column<int>(nullable: false),
                Cycle = table.Column<int>(nullable: false),
                Action = table.Column<string>(maxLength: 40, nullable: false),
                FromStatus = table.Column<string>(maxLength: 40, nullable: true),
                ToStatus = table.Column<string>(maxLength: 40, nullable: false),
                ActorUserId = table.Column<string>(maxLength: 450, nullable: false),
                ActorUserName = table.Column<string>(maxLength: 256, nullable: false),
                ActorRole = table.Column<string>(maxLength: 40, nullable: false),
                ActorOrganizationId = table.Column<int>(nullable: false),
                RecordedAtUtc = table.Column<DateTime>(nullable: false),
                EffectiveOn = table.Column<DateOnly>(nullable: false),
                DocumentKind = table.Column<string>(maxLength: 40, nullable: true),
                DocumentNumber = table.Column<string>(maxLength: 64, nullable: true),
                DocumentDate = table.Column<DateOnly>(nullable: true),
                DocumentSigner = table.Column<string>(maxLength: 200, nullable: true),
                TallyEligible = table.Column<int>(nullable: true),
                TallyPresent = table.Column<int>(nullable: true),
                TallyBallotsCast = table.Column<int>(nullable: true),
                TallyVotesFor = table.Column<int>(nullable: true),
                TallyVotesAgainst = table.Column<int>(nullable: true),
                Summary = table.Column<string>(maxLength: 5000, nullable: true),
                Note = table.Column<string>(maxLength: 4000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ScreeningSteps", x => x.Id);
                table.ForeignKey(
                    name: "FK_ScreeningSteps_ScreeningCases_ScreeningCaseId",
                    column: x => x.ScreeningCaseId,
                    principalTable: "ScreeningCases",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "CaseAttachments",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Identity(),
                ScreeningCaseId = table.Column<int>(nullable: false),
                StepSequence = table.Column<int>(nullable: true),
                FileName = table.Column<string>(maxLength: 255, nullable: false),
                ContentType = table.Column<string>(maxLength: 100, nullable: false),
                SizeBytes = table.Column<long>(nullable: false),
                Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                StoredName = table.Column<string>(maxLength: 100, nullable: false),
                UploadedByUserId = table.Column<string>(maxLength: 450, nullable: false),
                UploadedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CaseAttachments", x => x.Id);
                table.ForeignKey(
                    name: "FK_CaseAttachments_ScreeningCases_ScreeningCaseId",
                    column: x => x.ScreeningCaseId,
                    principalTable: "ScreeningCases",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(
            name: "IX_CaseAttachments_ScreeningCaseId",
            table: "CaseAttachments",
            column: "ScreeningCaseId");

        migrationBuilder.CreateIndex(
            name: "IX_ScreeningCases_AppealAnswerDueOn",
            table: "ScreeningCases",
            column: "AppealAnswerDueOn");

        migrationBuilder.CreateIndex(
            name: "IX_ScreeningCases_CellId_Status",
            table: "ScreeningCases",
            columns: new[] { "CellId", "Status" });

        migrationBuilder.CreateIndex(
            name: "IX_ScreeningCases_HelpEndsOn",
            table: "ScreeningCases",
            column: "HelpEndsOn");

        migrationBuilder.CreateIndex(
            name: "IX_ScreeningCases_HelperMemberId",
            table: "ScreeningCases",
            column: "HelperMemberId");

        migrationBuilder.CreateIndex(
            name: "IX_ScreeningCases_MemberId",
            table: "ScreeningCases",
            column: "MemberId");

        migrationBuilder.CreateIndex(
            name: "IX_ScreeningCases_Status",
            table: "ScreeningCases",
            column: "Status");

        migrationBuilder.CreateIndex(
            name: "IX_ScreeningSteps_ScreeningCaseId_Sequence",
            table: "ScreeningSteps",
            columns: new[] { "ScreeningCaseId", "Sequence" },
            unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(
            name: "CaseAttachments");

        migrationBuilder.DropTable(
            name: "ScreeningSteps");

        migrationBuilder.DropTable(
            name: "ScreeningCases");

        migrationBuilder.DropTable(
            name: "Holidays");
    }
}
