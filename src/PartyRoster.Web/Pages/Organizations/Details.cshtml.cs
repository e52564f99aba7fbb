using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Organizations;

/// <summary>
/// One organisation: where it stands in the tree, its members on the roll, its history; and, for
/// Ban Tổ chức / Quản trị in scope, renaming, moving and dissolving it (one named handler each).
/// </summary>
[Authorize(Policy = Policies.ViewOrganizations)]
public sealed class DetailsModel(PartyRosterDbContext db, AccessService access, TimeProvider clock) : PageModel
{
    public const string ConflictMessage =
        "Hồ sơ vừa được người khác cập nhật. Dữ liệu mới nhất đã được tải lại; hãy xem lại và lưu lần nữa.";

    /// <summary>The organisation's Version when the page was shown (shared by the three forms).</summary>
    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public RenameInput Rename { get; set; } = new();

    [BindProperty]
    public MoveInput Move { get; set; } = new();

    [BindProperty]
    public DissolveInput Dissolve { get; set; } = new();

    public Organization Org { get; private set; } = null!;
    public IReadOnlyList<LinkRow> Breadcrumb { get; private set; } = [];
    public LinkRow? Superior { get; private set; }
    public LinkRow? Grassroots { get; private set; }
    public IReadOnlyList<ChildRow> Children { get; private set; } = [];
    public int Official { get; private set; }
    public int Probationary { get; private set; }
    public IReadOnlyList<HistoryRow> History { get; private set; } = [];
    public bool CanManage { get; private set; }
    public IReadOnlyList<ParentOption> MoveTargets { get; private set; } = [];
    public bool CanAddChild { get; private set; }

    public sealed record LinkRow(int Id, string Name, OrganizationKind Kind, bool CanView);
    public sealed record ChildRow(int Id, string Name, OrganizationKind Kind, OrganizationStatus Status, int MembersOnRoll);
    public sealed record HistoryRow(string Change, DateOnly EffectiveOn, string? Before, string? After, string? Note);
    public sealed record ParentOption(int Id, string Name, OrganizationKind Kind);

    public sealed class RenameInput
    {
        public string? NewName { get; set; }
        public string? EffectiveOn { get; set; }
        public string? Note { get; set; }
    }

    public sealed class MoveInput
    {
        public int? NewParentId { get; set; }
        public string? EffectiveOn { get; set; }
        public string? Note { get; set; }
    }

    public sealed class DissolveInput
    {
        public string? ClosedOn { get; set; }
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var today = Format.Date(Format.Today(clock));
        Rename.NewName = Org.Name;
        Rename.EffectiveOn = Move.EffectiveOn = Dissolve.ClosedOn = today;
        return Page();
    }

    public async Task<IActionResult> OnPostRenameAsync(int id, CancellationToken ct)
    {
        var org = await access.FindOrganizationAsync(id, Capability.ManageOrganizations, ct);
        if (org is null) return NotFound();
        var on = RequireDate(Rename.EffectiveOn, "Rename.EffectiveOn", "Ngày hiệu lực");
        if (on is null) return await RedisplayAsync(id, ct);
        return await ApplyAsync(org, () => org.Rename(Rename.NewName ?? "", on.Value, Rename.Note), "Đã đổi tên tổ chức.", ct);
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, CancellationToken ct)
    {
        var org = await access.FindOrganizationAsync(id, Capability.ManageOrganizations, ct);
        if (org is null) return NotFound();
        var on = RequireDate(Move.EffectiveOn, "Move.EffectiveOn", "Ngày hiệu lực");
        Organization? newParent = null;
        if (Move.NewParentId is null)
            ModelState.AddModelError("Move.NewParentId", "Hãy chọn tổ chức cấp trên mới.");
        else if ((newParent = await access.FindOrganizationAsync(Move.NewParentId.Value, Capability.ManageOrganizations, ct)) is null)
            ModelState.AddModelError("Move.NewParentId", "Không tìm thấy tổ chức cấp trên đã chọn trong phạm vi phụ trách.");
        if (on is null || newParent is null) return await RedisplayAsync(id, ct);

        // MoveTo records the old parent's name in the history: load it (FindOrganizationAsync does not).
        await db.Entry(org).Reference(o => o.Parent).LoadAsync(ct);
        // The whole subtree is loaded (one prefix query) so every descendant's path is rewritten in this save.
        var descendants = await db.Organizations
            .Where(o => o.Path.StartsWith(org.Path) && o.Id != org.Id)
            .ToListAsync(ct);
        return await ApplyAsync(org, () => org.MoveTo(newParent, descendants, on.Value, Move.Note),
            $"Đã chuyển tổ chức sang trực thuộc {newParent.Name}.", ct);
    }

    public async Task<IActionResult> OnPostDissolveAsync(int id, CancellationToken ct)
    {
        var org = await access.FindOrganizationAsync(id, Capability.ManageOrganizations, ct);
        if (org is null) return NotFound();
        var on = RequireDate(Dissolve.ClosedOn, "Dissolve.ClosedOn", "Ngày giải thể");
        if (on is null) return await RedisplayAsync(id, ct);

        var activeChildren = await db.Organizations.CountAsync(o => o.ParentId == id && o.Status == OrganizationStatus.Active, ct);
        var membersOnRoll = await db.Members.CountAsync(
            m => m.OrganizationId == id && MemberEnumNames.OnRollStates.Contains(m.RollState), ct);
        return await ApplyAsync(org, () => org.Dissolve(on.Value, Dissolve.Reason ?? "", activeChildren, membersOnRoll),
            "Đã giải thể tổ chức. Lịch sử của tổ chức vẫn được lưu giữ.", ct);
    }

    /// <summary>Calls one domain method, then saves with the Version the user saw (PRG on success).</summary>
    private async Task<IActionResult> ApplyAsync(Organization org, Action change, string message, CancellationToken ct)
    {
        if (!ModelState.TryApply(change)) return await RedisplayAsync(org.Id, ct);

        db.Entry(org).Property(o => o.Version).OriginalValue = Version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", ConflictMessage);
            return await RedisplayAsync(org.Id, ct);
        }

        TempData["Message"] = message;
        return RedirectToPage("Details", new { id = org.Id });
    }

    private DateOnly? RequireDate(string? text, string key, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            ModelState.AddModelError(key, $"Hãy nhập {label.ToLowerInvariant()} (dd/mm/yyyy).");
            return null;
        }
        var d = Format.ParseDate(text);
        if (d is null) ModelState.AddModelError(key, $"{label} không hợp lệ (dd/mm/yyyy).");
        return d;
    }

    /// <summary>Re-renders with the latest data: unsaved changes are dropped so nothing stale is shown.</summary>
    private async Task<IActionResult> RedisplayAsync(int id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var org = await access.FindOrganizationAsync(id, Capability.ViewOrganizations, ct);
        if (org is null) return false;
        Org = org;

        // Ancestors (from the path) and the whole subtree in one query; the tree answers the rest in memory.
        var pathIds = OrganizationTree.PathIds(org.Path);
        var rows = await db.Organizations.AsNoTracking()
            .Where(o => pathIds.Contains(o.Id) || o.Path.StartsWith(org.Path))
            .Select(o => new { Row = new OrganizationRow(o.Id, o.ParentId, o.Kind, o.Name, o.Status), o.Path })
            .ToListAsync(ct);
        var tree = OrganizationTree.Build(rows.Select(r => r.Row));
        var paths = rows.ToDictionary(r => r.Row.Id, r => r.Path);

        async Task<LinkRow?> Link(OrganizationNode? n) => n is null
            ? null
            : new LinkRow(n.Id, n.Name, n.Kind, await access.CanAsync(Capability.ViewOrganizations, paths[n.Id], ct));

        var breadcrumb = new List<LinkRow>();
        foreach (var a in tree.Ancestors(id)) breadcrumb.Add((await Link(a))!);
        Breadcrumb = breadcrumb;
        Superior = await Link(tree.DirectSuperior(id));
        var grassroots = tree.GrassrootsOf(id);
        Grassroots = grassroots is null || grassroots.Id == id ? null : await Link(grassroots);

        var counts = await db.Members.AsNoTracking()
            .Where(m => m.Organization!.Path.StartsWith(org.Path) && MemberEnumNames.OnRollStates.Contains(m.RollState))
            .GroupBy(m => new { m.OrganizationId, m.Standing })
            .Select(g => new { g.Key.OrganizationId, g.Key.Standing, Count = g.Count() })
            .ToListAsync(ct);
        Official = counts.Where(c => c.Standing == Standing.Official).Sum(c => c.Count);
        Probationary = counts.Where(c => c.Standing == Standing.Probationary).Sum(c => c.Count);
        var totals = tree.SubtreeTotals(counts.GroupBy(c => c.OrganizationId).ToDictionary(g => g.Key, g => g.Sum(c => c.Count)));
        Children = tree.Find(id)!.Children
            .Select(c => new ChildRow(c.Id, c.Name, c.Kind, c.Status, totals.GetValueOrDefault(c.Id)))
            .ToList();

        // ChangeDisplayName is not mapped, so the (few) entries are read whole and shown in memory.
        var history = await db.OrganizationHistory.AsNoTracking()
            .Where(h => h.OrganizationId == id)
            .OrderBy(h => h.EffectiveOn).ThenBy(h => h.Id)
            .ToListAsync(ct);
        History = [.. history.Select(h => new HistoryRow(h.ChangeDisplayName, h.EffectiveOn, h.Before, h.After, h.Note))];

        CanManage = org.IsActive && await access.CanAsync(Capability.ManageOrganizations, org.Path, ct);
        CanAddChild = CanManage && CreateModel.KindsUnder(org.Kind).Count > 0;
        if (CanManage)
        {
            var allowed = OrganizationPlacement.AllowedParents(org.Kind).ToList();
            var scope = await access.OrganizationsInScopeAsync(Capability.ManageOrganizations, ct);
            var targets = await scope.AsNoTracking()
                .Where(o => o.Status == OrganizationStatus.Active && allowed.Contains(o.Kind)
                            && !o.Path.StartsWith(org.Path) && o.Id != org.ParentId)
                .Select(o => new ParentOption(o.Id, o.Name, o.Kind))
                .ToListAsync(ct);
            MoveTargets = [.. targets.OrderBy(t => t.Name, StringComparer.Create(Format.Vietnamese, ignoreCase: true))];
        }
        return true;
    }
}
