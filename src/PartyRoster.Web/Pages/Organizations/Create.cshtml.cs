using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Organizations;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Organizations;

/// <summary>
/// Adds an organisation in two easy steps: choose the organisation above it, then fill in the new one
/// (only the kinds allowed under that parent are offered). The managing committee itself is created by
/// the seed / create-admin command, never here.
/// </summary>
[Authorize(Policy = Policies.ManageOrganizations)]
public sealed class CreateModel(PartyRosterDbContext db, AccessService access, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? ParentId { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The chosen parent (step 2), or null while choosing (step 1).</summary>
    public ParentOption? Parent { get; private set; }
    public IReadOnlyList<ParentOption> Parents { get; private set; } = [];
    public IReadOnlyList<OrganizationKind> Kinds { get; private set; } = [];

    public sealed record ParentOption(int Id, string Name, OrganizationKind Kind, int Level)
    {
        /// <summary>Option text indented by level (a select cannot nest).</summary>
        public string Label => new string('\u00A0', Level * 3) + Name + " (" + Kind.DisplayName().ToLowerInvariant() + ")";
    }

    public sealed class InputModel
    {
        public int? ParentId { get; set; }
        public OrganizationKind? Kind { get; set; }
        public string? Name { get; set; }
        public string? Code { get; set; }
        public string? EstablishedOn { get; set; }
    }

    /// <summary>The kinds that may stand directly under <paramref name="parentKind"/> (never the managing committee).</summary>
    public static IReadOnlyList<OrganizationKind> KindsUnder(OrganizationKind parentKind) =>
        [.. Enum.GetValues<OrganizationKind>().Where(k => OrganizationPlacement.AllowedParents(k).Contains(parentKind))];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ParentId, ct);
        if (ParentId is not null && Parent is null)
            ModelState.AddModelError("", "Không tìm thấy tổ chức cấp trên đã chọn trong phạm vi phụ trách.");
        Input.ParentId = Parent?.Id;
        Input.Kind = Kinds.Count == 1 ? Kinds[0] : null;
        Input.EstablishedOn = Format.Date(Format.Today(clock));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var established = Format.ParseDate(Input.EstablishedOn);
        if (string.IsNullOrWhiteSpace(Input.EstablishedOn))
            ModelState.AddModelError("Input.EstablishedOn", "Hãy nhập ngày thành lập (dd/mm/yyyy).");
        else if (established is null)
            ModelState.AddModelError("Input.EstablishedOn", "Ngày thành lập không hợp lệ (dd/mm/yyyy).");
        if (Input.Kind is null || !Enum.IsDefined(Input.Kind.Value))
            ModelState.AddModelError("Input.Kind", "Hãy chọn loại tổ chức.");

        var code = string.IsNullOrWhiteSpace(Input.Code) ? null : Input.Code.Trim();
        if (code is not null && code.Length > Organization.CodeMaxLength)
            ModelState.AddModelError("Input.Code", $"Mã tổ chức dài quá {Organization.CodeMaxLength} ký tự.");
        else if (code is not null && await db.Organizations.AnyAsync(o => o.Code == code, ct))
            ModelState.AddModelError("Input.Code", DuplicateCode(code));

        Organization? parent = null;
        if (Input.ParentId is null)
            ModelState.AddModelError("Input.ParentId", "Hãy chọn tổ chức cấp trên.");
        else if ((parent = await access.FindOrganizationAsync(Input.ParentId.Value, Capability.ManageOrganizations, ct)) is null)
            ModelState.AddModelError("Input.ParentId", "Không tìm thấy tổ chức cấp trên đã chọn trong phạm vi phụ trách.");

        if (!ModelState.IsValid) return await RedisplayAsync(ct);

        Organization org;
        try
        {
            org = new Organization(Input.Name ?? "", Input.Kind!.Value, parent, established!.Value, code);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError("", ex.Message);
            return await RedisplayAsync(ct);
        }

        // The path needs the new id, so the row is saved twice; one transaction keeps the tree free of
        // path-less rows if the second save fails (the audit writer joins this transaction).
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.Organizations.Add(org);
            await db.SaveChangesAsync(ct);
            org.AssignPath();
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException) when (code is not null)
        {
            // Someone took the same code between the check and the save: the unique index refused it.
            ModelState.AddModelError("Input.Code", DuplicateCode(code));
            return await RedisplayAsync(ct);
        }

        TempData["Message"] = $"Đã thêm tổ chức “{org.Name}”.";
        return RedirectToPage("Details", new { id = org.Id });
    }

    private static string DuplicateCode(string code) => $"Mã tổ chức “{code}” đã được dùng cho tổ chức khác.";

    private async Task<IActionResult> RedisplayAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await LoadAsync(Input.ParentId, ct);
        return Page();
    }

    private async Task LoadAsync(int? parentId, CancellationToken ct)
    {
        // Only committees can have organisations under them; dissolved ones take no new children.
        var scope = await access.OrganizationsInScopeAsync(Capability.ManageOrganizations, ct);
        var rows = await scope.AsNoTracking()
            .Where(o => o.Status == OrganizationStatus.Active
                        && (o.Kind == OrganizationKind.ManagingCommittee || o.Kind == OrganizationKind.GrassrootsCommittee
                            || o.Kind == OrganizationKind.SubCommittee))
            .Select(o => new OrganizationRow(o.Id, o.ParentId, o.Kind, o.Name, o.Status))
            .ToListAsync(ct);
        // Tree order with indentation, so each committee appears under the one above it.
        var tree = OrganizationTree.Build(rows);
        Parents = [.. tree.All().Select(n => new ParentOption(n.Id, n.Name, n.Kind, tree.Ancestors(n.Id).Count))];

        if (parentId is null) return;
        Parent = Parents.FirstOrDefault(p => p.Id == parentId);
        if (Parent is not null)
        {
            Kinds = KindsUnder(Parent.Kind);
            return;
        }

        // A parent that cannot take children (a cell): show it, so the placement rule explains the refusal.
        var other = await scope.AsNoTracking().Where(o => o.Id == parentId)
            .Select(o => new ParentOption(o.Id, o.Name, o.Kind, 0)).FirstOrDefaultAsync(ct);
        Parent = other;
    }
}
