using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PartyRoster.Web.Data.Migrations;

/// <summary>
/// The member's portrait (domain.md §2): the stored file name of a photo kept under
/// <c>&lt;Storage:DataDirectory&gt;/photos/</c>. Nullable, so existing rows need no value.
/// Hand-written and provider-neutral like <see cref="Initial"/>; MigrationDriftTests proves it matches the model.
/// </summary>
[DbContext(typeof(PartyRosterDbContext))]
[Migration("20261122020000_MemberPhoto")]
public sealed class MemberPhoto : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(
            name: "PhotoFileName",
            table: "Members",
            maxLength: 100,
            nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(
            name: "PhotoFileName",
            table: "Members");
    }
}
