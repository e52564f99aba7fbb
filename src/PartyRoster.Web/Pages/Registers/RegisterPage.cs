using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Members;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Infrastructure.Spreadsheets;
using PartyRoster.Web.Pages.Members;

namespace PartyRoster.Web.Pages.Registers;

/// <summary>
/// What the registers share: the organisation filter (a subtree within the user's
/// ViewRegisters scope), the printed header and the row cap.
/// </summary>
/// <remarks>
/// Registers are printed whole, so they are not paged; instead they stop at <see cref="MaxRows"/> and
/// ask for an organisation filter, which keeps one request's memory and the printout bounded.
/// </remarks>
public abstract class RegisterPage(PartyRosterDbContext db, AccessService access, TimeProvider clock) : PageModel
{
    public const int MaxRows = 5000;

    [BindProperty(SupportsGet = true)]
    public int? OrganizationId { get; set; }

    public IReadOnlyList<SelectListItem> OrganizationItems { get; private set; } = [];

    /// <summary>The organisation named in the printed header.</summary>
    public string HeaderOrganization { get; private set; } = "";

    public DateOnly Today { get; private set; }

    public int TotalCount { get; private set; }

    public bool Truncated => TotalCount > MaxRows;

    protected PartyRosterDbContext Db => db;

    /// <summary>Members in scope for registers, limited to the chosen organisation's subtree.</summary>
    protected async Task<IQueryable<Member>> MembersAsync(CancellationToken ct)
    {
        var (found, path) = await ChosenAsync(ct);
        // Unknown or outside the scope: an empty register, naming nothing.
        if (!found) return Db.Members.Where(_ => false);
        return await access.MembersInScopeAsync(Capability.ViewRegisters, path, ct);
    }

    /// <summary>
    /// Reads the organisation filter against the user's ViewRegisters scope and fills the picker and the printed header:
    /// found with the chosen subtree's path (null for the whole scope), or not found (an unknown or foreign id: the
    /// register is empty and names nothing).
    /// </summary>
    protected async Task<(bool Found, string? Path)> ChosenAsync(CancellationToken ct)
    {
        Today = Format.Today(clock);
        ModelState.Clear();
        var directory = HttpContext.RequestServices.GetRequiredService<OrganizationDirectory>();
        var tree = await OrganizationOptions.TreeAsync(directory, access, Capability.ViewRegisters, ct);
        OrganizationItems = OrganizationOptions.ToSelectItems(OrganizationOptions.Collapse(tree, OrganizationId), OrganizationId, "Tất cả");

        var chosen = OrganizationId is { } id ? tree.FirstOrDefault(t => t.Id == id) : null;
        if (OrganizationId is not null && chosen is null)
        {
            HeaderOrganization = "";
            return (false, null);
        }
        HeaderOrganization = chosen is not null ? chosen.Name : string.Join("; ", tree.Where(t => t.Depth == 0).Select(t => t.Name));
        return (true, chosen?.Path);
    }

    /// <summary>
    /// The whole register (not capped: a file is not printed) as an .xlsx download, read and written row by row
    /// while the response streams, so 200,000 members never sit in memory.
    /// </summary>
    protected static IActionResult Export<T>(string fileName, string sheetName, IQueryable<T> rows, IReadOnlyList<SheetColumn<T>> columns) =>
        new StreamedDownload(XlsxWriter.ContentType, fileName, async (stream, ct) =>
        {
            using var writer = new XlsxWriter(stream);
            await writer.WriteSheetAsync(sheetName, columns, rows.AsAsyncEnumerable(), ct);
            await writer.CompleteAsync(ct);
        });

    /// <summary>A "STT" column numbering the rows as they are written.</summary>
    protected static SheetColumn<T> Numbering<T>()
    {
        var n = 0;
        return new SheetColumn<T>("STT", CellKind.Number, _ => ++n, 6);
    }

    /// <summary>Counts, then reads at most <see cref="MaxRows"/> of the ordered rows.</summary>
    protected async Task<List<T>> ReadRowsAsync<T>(IQueryable<T> ordered, CancellationToken ct)
    {
        TotalCount = await ordered.CountAsync(ct);
        return TotalCount == 0 ? [] : await ordered.Take(MaxRows).ToListAsync(ct);
    }

    /// <summary>Counts, then reads at most <see cref="MaxRows"/> rows of the ordered projection.</summary>
    protected Task<List<T>> ReadAsync<T>(IQueryable<Member> filtered, Func<IQueryable<Member>, IQueryable<T>> orderAndProject, CancellationToken ct) =>
        ReadRowsAsync(orderAndProject(filtered), ct);
}
