using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Inspection;
using PartyRoster.Domain.Organizations;
using PartyRoster.Domain.Transfers;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Pages.Members;

namespace PartyRoster.Web.Pages.Transfers;

/// <summary>
/// Which transfers and proceedings a user may see or act on. A transfer belongs to the cells it touches: the
/// cell the member leaves and the cell they (or a guest) join; either one in scope puts it in scope.
/// </summary>
public static class TransferAccess
{
    /// <summary>Transfers touching an organisation in the user's scope for <paramref name="capability"/> (and under <paramref name="withinPath"/>).</summary>
    public static async Task<IQueryable<Transfer>> InScopeAsync(PartyRosterDbContext db, AccessService access, Capability capability,
        string? withinPath, CancellationToken ct)
    {
        var organizations = await access.OrganizationsInScopeAsync(capability, ct);
        if (withinPath is not null) organizations = organizations.Where(AccessService.InAnyPath([withinPath]));
        var ids = organizations.Select(o => o.Id);
        return db.Transfers.Where(t => (t.FromCellId != null && ids.Contains(t.FromCellId.Value))
            || (t.ToCellId != null && ids.Contains(t.ToCellId.Value)));
    }

    /// <summary>The transfer (tracked) when one of its cells is in scope for <paramref name="capability"/>; otherwise null (→ 404).</summary>
    public static async Task<Transfer?> FindAsync(PartyRosterDbContext db, AccessService access, int id, Capability capability, CancellationToken ct)
    {
        var transfer = await db.Transfers.FirstOrDefaultAsync(t => t.Id == id, ct);
        return transfer is not null && await CoversAsync(access, transfer, capability, ct) ? transfer : null;
    }

    /// <summary>True when one of the transfer's cells is in the user's scope for <paramref name="capability"/>.</summary>
    public static async Task<bool> CoversAsync(AccessService access, Transfer transfer, Capability capability, CancellationToken ct)
    {
        foreach (var cellId in new[] { transfer.FromCellId, transfer.ToCellId })
        {
            if (cellId is { } c && await access.FindOrganizationAsync(c, capability, ct) is not null) return true;
        }
        return false;
    }

    /// <summary>
    /// Proceedings are the UBKT's; those who issue transfer letters (đảng ủy cơ sở, Ban Tổ chức) see them too,
    /// since a refused letter names them anyway. Everyone else who reads transfers learns only that one is blocked (ADR-007).
    /// </summary>
    public static async Task<bool> CanSeeProceedingsAsync(AccessService access, string organizationPath, CancellationToken ct) =>
        await access.CanAsync(Capability.RecordInspections, organizationPath, ct)
        || await access.CanAsync(Capability.ManageTransfers, organizationPath, ct);

    /// <summary>The member's proceedings, newest first (few per member: no paging).</summary>
    public static Task<List<MemberProceeding>> ProceedingsOfAsync(PartyRosterDbContext db, int memberId, CancellationToken ct) =>
        db.MemberProceedings.AsNoTracking().Where(p => p.MemberId == memberId)
            .OrderByDescending(p => p.OpenedOn).ThenByDescending(p => p.Id).ToListAsync(ct);

    /// <summary>Cell names by id, from the cached organisation tree.</summary>
    public static async Task<IReadOnlyDictionary<int, string>> CellNamesAsync(OrganizationDirectory directory, CancellationToken ct) =>
        (await directory.TreeAsync(ct)).ToDictionary(e => e.Id, e => e.Name);

    /// <summary>
    /// The active organisations the user may transfer members into, indented in tree order: committees are shown
    /// (disabled) so that cells with the same name under different đảng bộ can be told apart.
    /// </summary>
    public static async Task<IReadOnlyList<SelectListItem>> CellItemsAsync(OrganizationDirectory directory, AccessService access,
        int? selected, int? excluded, CancellationToken ct)
    {
        var tree = await OrganizationOptions.TreeAsync(directory, access, Capability.ManageTransfers, ct);
        return tree.Where(n => n.Status == OrganizationStatus.Active)
            .Select(n => new SelectListItem(new string('\u00a0', n.Depth * 3) + n.Name, n.Id.ToString(CultureInfo.InvariantCulture), n.Id == selected)
            {
                Disabled = !n.Kind.HoldsMembers() || n.Id == excluded,
            })
            .ToList();
    }

    /// <summary>One transfer as the lists show it.</summary>
    public sealed record Row(Transfer Transfer, string Name, string? FromCell, string? ToCell);

    /// <summary>The open transfers of <paramref name="scope"/> (letters waiting for their slip, temporary periods), with names.</summary>
    public static Task<List<Row>> OpenRowsAsync(IQueryable<Transfer> scope, IReadOnlyDictionary<int, string> cellNames, CancellationToken ct) =>
        RowsAsync(scope.Where(t => t.Status == TransferStatus.InProgress), cellNames, ct);

    public static async Task<List<Row>> RowsAsync(IQueryable<Transfer> query, IReadOnlyDictionary<int, string> cellNames, CancellationToken ct)
    {
        var rows = await query.AsNoTracking()
            .Select(t => new { Transfer = t, MemberName = t.Member != null ? t.Member.FullName : null })
            .ToListAsync(ct);
        return [.. rows.Select(r => new Row(r.Transfer, r.MemberName ?? r.Transfer.GuestName ?? "",
            r.Transfer.FromCellId is { } f ? cellNames.GetValueOrDefault(f) : null,
            r.Transfer.ToCellId is { } c ? cellNames.GetValueOrDefault(c) : null))];
    }

    public const string ConflictMessage = "Việc này vừa được người khác cập nhật. Dữ liệu mới nhất đã được tải lại; hãy xem lại và làm lại nếu cần.";
}
