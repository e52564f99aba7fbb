using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Organizations;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Infrastructure.Spreadsheets;

namespace PartyRoster.Web.Pages.Members.Import;

/// <summary>Import of member records, step 1: download the template, upload a filled .xlsx or .csv.</summary>
[Authorize(Policy = Policies.ImportMembers)]
[RequestSizeLimit(UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
public sealed class IndexModel(PartyRosterDbContext db, AccessService access, OrganizationDirectory directory, ImportUploads uploads,
    TimeProvider clock) : PageModel
{
    /// <summary>What the server accepts before the upload check can answer "too large" in Vietnamese.</summary>
    private const long UploadLimit = 3 * ImportUploads.MaxBytes;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Hãy chọn tệp danh sách đảng viên (.xlsx hoặc .csv).");
            return Page();
        }
        try
        {
            await using var content = Upload.OpenReadStream();
            var upload = await uploads.SaveAsync(access.UserId!, Upload.FileName, content, ct);
            return RedirectToPage("Preview", new { id = upload.Token });
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(nameof(Upload), ex.Message);
            return Page();
        }
    }

    /// <summary>The template, with the cells the user may import into listed on its "Danh mục" sheet.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct)
    {
        var tree = await directory.InScopeAsync(await access.ScopePathsAsync(Capability.ImportMembers, ct), ct);
        var cells = tree.Where(e => e.Status == OrganizationStatus.Active && e.Kind.HoldsMembers()).ToList();
        var ids = cells.Select(c => c.Id).ToList();
        var codes = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Code, ct);
        var names = tree.ToDictionary(e => e.Id, e => e.Name);
        var entries = cells.Select(c => new ImportTemplate.CellEntry(codes.GetValueOrDefault(c.Id), c.Name,
            c.ParentId is { } parent ? names.GetValueOrDefault(parent) : null)).ToList();
        var today = Format.Today(clock);
        return new StreamedDownload(XlsxWriter.ContentType, ImportTemplate.FileName,
            (body, token) => ImportTemplate.WriteAsync(body, entries, today, token));
    }
}
