using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Members;

/// <summary>Phiếu đảng viên: the member's record laid out on one A4 sheet to print (the browser's "Save as PDF" gives the PDF).</summary>
[Authorize(Policy = Policies.ViewMembers)]
public sealed class SheetModel(AccessService access, TimeProvider clock) : PageModel
{
    public Member Member { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    /// <summary>The grassroots organisation (TCCSĐ) above the cell, named in the heading; the cell itself for a chi bộ cơ sở.</summary>
    public string Grassroots { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var member = await access.FindMemberAsync(id, Capability.ViewMembers, ct);
        if (member is null) return NotFound();
        Member = member;
        Today = Format.Today(clock);
        var directory = HttpContext.RequestServices.GetRequiredService<OrganizationDirectory>();
        var tree = await directory.TreeAsync(ct);
        var byId = tree.ToDictionary(e => e.Id);
        var entry = byId.GetValueOrDefault(member.OrganizationId);
        // Walk up to the first grassroots organisation (đảng bộ cơ sở or chi bộ cơ sở), computed from the tree.
        while (entry is { ParentId: { } parent } && !entry.Kind.IsGrassroots()) entry = byId.GetValueOrDefault(parent);
        Grassroots = entry?.Name ?? member.Organization!.Name;
        return Page();
    }
}
