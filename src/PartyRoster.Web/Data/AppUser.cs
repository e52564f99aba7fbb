using Microsoft.AspNetCore.Identity;
using PartyRoster.Domain.Access;

namespace PartyRoster.Web.Data;

/// <summary>A person who signs in. What they may do comes from their <see cref="RoleAssignment"/>s.</summary>
public sealed class AppUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;

    public string DisplayName { get; set; } = "";
    /// <summary>A disabled account cannot sign in; accounts are never deleted so the audit trail keeps its actors.</summary>
    public bool IsDisabled { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public List<RoleAssignment> RoleAssignments { get; } = [];
}

/// <summary>A role held for one organisation (and its subtree). Revoked assignments are kept, with the date.</summary>
public sealed class RoleAssignment
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public AppUser? User { get; set; }
    public Role Role { get; set; }
    public int OrganizationId { get; set; }
    public Domain.Organizations.Organization? Organization { get; set; }
    public DateTime GrantedAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }

    public bool IsActive => RevokedAtUtc is null;
}
