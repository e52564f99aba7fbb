// Migrations run once per database: the constant column arrays are not a hot path.
#pragma warning disable CA1861

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PartyRoster.Web.Data.Migrations;

/// <summary>
/// The initial schema, hand-written because the EF design-time tools cannot be restored here.
/// </summary>
/// <remarks>
/// Provider-neutral on purpose: no <c>type:</c> arguments, so each provider maps the CLR types itself
/// (one migration serves SQLite and PostgreSQL), and identity columns carry both providers' annotations.
/// There is no model snapshot; MigrationDriftTests proves this matches the model on both providers.
/// </remarks>
[DbContext(typeof(PartyRosterDbContext))]
[Migration("20261122000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AspNetUsers",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                DisplayName = table.Column<string>(maxLength: 100, nullable: false),
                IsDisabled = table.Column<bool>(nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                UserName = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedUserName = table.Column<string>(maxLength: 256, nullable: true),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedEmail = table.Column<string>(maxLength: 256, nullable: true),
                EmailConfirmed = table.Column<bool>(nullable: false),
                PasswordHash = table.Column<string>(nullable: true),
                SecurityStamp = table.Column<string>(nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
                PhoneNumber = table.Column<string>(nullable: true),
                PhoneNumberConfirmed = table.Column<bool>(nullable: false),
                TwoFactorEnabled = table.Column<bool>(nullable: false),
                LockoutEnd = table.Column<DateTimeOffset>(nullable: true),
                LockoutEnabled = table.Column<bool>(nullable: false),
                AccessFailedCount = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUsers", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AuditEntries",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Identity(),
                Sequence = table.Column<long>(nullable: false),
                OccurredAtUtc = table.Column<DateTime>(nullable: false),
                UserId = table.Column<string>(maxLength: 256, nullable: true),
                UserName = table.Column<string>(maxLength: 256, nullable: true),
                EntityType = table.Column<string>(maxLength: 64, nullable: false),
                EntityId = table.Column<string>(maxLength: 64, nullable: false),
                Action = table.Column<string>(maxLength: 32, nullable: false),
                Changes = table.Column<string>(nullable: false),
                PreviousHash = table.Column<string>(maxLength: 64, nullable: false),
                Hash = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AuditEntries", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Organizations",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Identity(),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Code = table.Column<string>(maxLength: 32, nullable: true),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                ParentId = table.Column<int>(nullable: true),
                Path = table.Column<string>(maxLength: 400, nullable: false),
                Status = table.Column<string>(maxLength: 40, nullable: false),
                EstablishedOn = table.Column<DateOnly>(nullable: false),
                ClosedOn = table.Column<DateOnly>(nullable: true),
                MergedIntoId = table.Column<int>(nullable: true),
                MayAdmitMembers = table.Column<bool>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Organizations", x => x.Id);
                table.ForeignKey(
                    name: "FK_Organizations_Organizations_ParentId",
                    column: x => x.ParentId,
                    principalTable: "Organizations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserClaims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Identity(),
                UserId = table.Column<string>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                table.ForeignKey(
                    name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserLogins",
            columns: table => new
            {
                LoginProvider = table.Column<string>(nullable: false),
                ProviderKey = table.Column<string>(nullable: false),
                ProviderDisplayName = table.Column<string>(nullable: true),
                UserId = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                table.ForeignKey(
                    name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserTokens",
            columns: table => new
            {
                UserId = table.Column<string>(nullable: false),
                LoginProvider = table.Column<string>(nullable: false),
                Name = table.Column<string>(nullable: false),
                Value = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                table.ForeignKey(
                    name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Members",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Identity(),
                FullName = table.Column<string>(maxLength: 100, nullable: false),
                BirthName = table.Column<string>(maxLength: 100, nullable: true),
                Alias = table.Column<string>(maxLength: 100, nullable: true),
                Gender = table.Column<string>(maxLength: 40, nullable: false),
                DateOfBirth = table.Column<DateOnly>(nullable: false),
                PlaceOfBirth = table.Column<string>(maxLength: 300, nullable: true),
                HomeTown = table.Column<string>(maxLength: 300, nullable: true),
                PermanentResidence = table.Column<string>(maxLength: 300, nullable: true),
                TemporaryResidence = table.Column<string>(maxLength: 300, nullable: true),
                Ethnicity = table.Column<string>(maxLength: 100, nullable: false),
                Religion = table.Column<string>(maxLength: 100, nullable: true),
                CitizenId = table.Column<string>(maxLength: 12, nullable: true),
                Phone = table.Column<string>(maxLength: 20, nullable: true),
                Occupation = table.Column<string>(maxLength: 100, nullable: true),
                Workplace = table.Column<string>(maxLength: 300, nullable: true),
                GeneralEducation = table.Column<string>(maxLength: 100, nullable: true),
                ProfessionalQualification = table.Column<string>(maxLength: 100, nullable: true),
                PoliticalTheory = table.Column<string>(maxLength: 40, nullable: false),
                ForeignLanguage = table.Column<string>(maxLength: 100, nullable: true),
                ItSkill = table.Column<string>(maxLength: 100, nullable: true),
                AdmissionDecisionDate = table.Column<DateOnly>(nullable: false),
                AdmissionCeremonyDate = table.Column<DateOnly>(nullable: false),
                OfficialDate = table.Column<DateOnly>(nullable: true),
                PartyCardNumber = table.Column<string>(maxLength: 20, nullable: true),
                Standing = table.Column<string>(maxLength: 40, nullable: false),
                OrganizationId = table.Column<int>(nullable: false),
                RollState = table.Column<string>(maxLength: 40, nullable: false),
                LeftOn = table.Column<DateOnly>(nullable: true),
                LeaveNote = table.Column<string>(maxLength: 1000, nullable: true),
                SearchName = table.Column<string>(maxLength: 100, nullable: false),
                SortKey = table.Column<string>(maxLength: 400, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Members", x => x.Id);
                table.ForeignKey(
                    name: "FK_Members_Organizations_OrganizationId",
                    column: x => x.OrganizationId,
                    principalTable: "Organizations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "OrganizationHistory",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Identity(),
                OrganizationId = table.Column<int>(nullable: false),
                Change = table.Column<string>(maxLength: 40, nullable: false),
                EffectiveOn = table.Column<DateOnly>(nullable: false),
                Before = table.Column<string>(maxLength: 200, nullable: true),
                After = table.Column<string>(maxLength: 200, nullable: true),
                Note = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OrganizationHistory", x => x.Id);
                table.ForeignKey(
                    name: "FK_OrganizationHistory_Organizations_OrganizationId",
                    column: x => x.OrganizationId,
                    principalTable: "Organizations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "RoleAssignments",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Identity(),
                UserId = table.Column<string>(nullable: false),
                Role = table.Column<string>(maxLength: 40, nullable: false),
                OrganizationId = table.Column<int>(nullable: false),
                GrantedAtUtc = table.Column<DateTime>(nullable: false),
                RevokedAtUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RoleAssignments", x => x.Id);
                table.ForeignKey(
                    name: "FK_RoleAssignments_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_RoleAssignments_Organizations_OrganizationId",
                    column: x => x.OrganizationId,
                    principalTable: "Organizations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "MemberNameTokens",
            columns: table => new
            {
                MemberId = table.Column<int>(nullable: false),
                Token = table.Column<string>(maxLength: 40, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MemberNameTokens", x => new { x.Token, x.MemberId });
                table.ForeignKey(
                    name: "FK_MemberNameTokens_Members_MemberId",
                    column: x => x.MemberId,
                    principalTable: "Members",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUserClaims_UserId",
            table: "AspNetUserClaims",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUserLogins_UserId",
            table: "AspNetUserLogins",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "EmailIndex",
            table: "AspNetUsers",
            column: "NormalizedEmail");

        migrationBuilder.CreateIndex(
            name: "UserNameIndex",
            table: "AspNetUsers",
            column: "NormalizedUserName",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_AuditEntries_EntityType_EntityId",
            table: "AuditEntries",
            columns: new[] { "EntityType", "EntityId" });

        migrationBuilder.CreateIndex(
            name: "IX_AuditEntries_OccurredAtUtc",
            table: "AuditEntries",
            column: "OccurredAtUtc");

        migrationBuilder.CreateIndex(
            name: "IX_AuditEntries_Sequence",
            table: "AuditEntries",
            column: "Sequence",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_MemberNameTokens_MemberId",
            table: "MemberNameTokens",
            column: "MemberId");

        migrationBuilder.CreateIndex(
            name: "IX_Members_CitizenId",
            table: "Members",
            column: "CitizenId");

        migrationBuilder.CreateIndex(
            name: "IX_Members_CitizenId_OnRoll",
            table: "Members",
            column: "CitizenId",
            unique: true,
            filter: "\"RollState\" IN ('Active', 'ExemptFromActivities', 'TemporarilyAway')");

        migrationBuilder.CreateIndex(
            name: "IX_Members_OrganizationId_RollState_SortKey",
            table: "Members",
            columns: new[] { "OrganizationId", "RollState", "SortKey" });

        migrationBuilder.CreateIndex(
            name: "IX_Members_PartyCardNumber",
            table: "Members",
            column: "PartyCardNumber",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Members_SortKey",
            table: "Members",
            column: "SortKey");

        migrationBuilder.CreateIndex(
            name: "IX_OrganizationHistory_OrganizationId",
            table: "OrganizationHistory",
            column: "OrganizationId");

        migrationBuilder.CreateIndex(
            name: "IX_Organizations_Code",
            table: "Organizations",
            column: "Code",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Organizations_ParentId",
            table: "Organizations",
            column: "ParentId");

        migrationBuilder.CreateIndex(
            name: "IX_Organizations_Path",
            table: "Organizations",
            column: "Path");

        migrationBuilder.CreateIndex(
            name: "IX_RoleAssignments_OrganizationId",
            table: "RoleAssignments",
            column: "OrganizationId");

        migrationBuilder.CreateIndex(
            name: "IX_RoleAssignments_UserId_RevokedAtUtc",
            table: "RoleAssignments",
            columns: new[] { "UserId", "RevokedAtUtc" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(
            name: "MemberNameTokens");

        migrationBuilder.DropTable(
            name: "RoleAssignments");

        migrationBuilder.DropTable(
            name: "OrganizationHistory");

        migrationBuilder.DropTable(
            name: "Members");

        migrationBuilder.DropTable(
            name: "AspNetUserTokens");

        migrationBuilder.DropTable(
            name: "AspNetUserLogins");

        migrationBuilder.DropTable(
            name: "AspNetUserClaims");

        migrationBuilder.DropTable(
            name: "Organizations");

        migrationBuilder.DropTable(
            name: "AuditEntries");

        migrationBuilder.DropTable(
            name: "AspNetUsers");
    }
}
