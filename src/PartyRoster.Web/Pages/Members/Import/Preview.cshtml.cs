using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartyRoster.Domain.Access;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Infrastructure.Spreadsheets;

namespace PartyRoster.Web.Pages.Members.Import;

/// <summary>
/// Import, step 2: what the uploaded file holds (rows to add, rows with errors, members already on the roll),
/// and the button that imports them all, shown only when no row has an error (ADR-010).
/// </summary>
[Authorize(Policy = Policies.ImportMembers)]
public sealed class PreviewModel(PartyRosterDbContext db, AccessService access, ImportUploads uploads, PendingImports pending,
    TimeProvider clock) : PageModel
{
    /// <summary>How many errors and rows the page lists; the complete error list is a download.</summary>
    public const int ErrorsShown = 200;
    public const int RowsShown = 20;

    public ImportUploads.Upload Upload { get; private set; } = null!;
    public ImportReport Report { get; private set; } = new();

    /// <summary>An earlier attempt to import this file that failed (its message), if any.</summary>
    public string? FailedAttempt { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var status = uploads.ReadStatus(access.UserId!, id);
        if (status is not null && !status.MayRestart(clock)) return RedirectToPage("Progress", new { id });
        if (uploads.Find(access.UserId!, id) is not { } upload) return Expired();
        Upload = upload;
        FailedAttempt = status?.Describe(clock);
        Report = await new MemberImport(db, clock).AnalyseAsync(uploads.Rows(access.UserId!, upload),
            await access.ScopePathsAsync(Capability.ImportMembers, ct), ct);
        return Page();
    }

    /// <summary>Queues the import (once, however often it is clicked) and shows its progress.</summary>
    public async Task<IActionResult> OnPostCommitAsync(string id, CancellationToken ct)
    {
        var userId = access.UserId!;
        if (uploads.Find(userId, id) is not { } upload) return Expired();
        if (uploads.TryClaim(userId, id, upload.FileName))
            pending.Enqueue(new ImportJob(userId, User.Identity?.Name ?? userId, id, await access.ScopePathsAsync(Capability.ImportMembers, ct)));
        return RedirectToPage("Progress", new { id });
    }

    public IActionResult OnPostDiscard(string id)
    {
        uploads.Delete(access.UserId!, id);
        TempData["Message"] = "Đã hủy tệp tải lên: không có đảng viên nào được nhập.";
        return RedirectToPage("Index");
    }

    /// <summary>Every error of the file as a workbook (row, column, message), to correct the file from.</summary>
    public async Task<IActionResult> OnGetErrorsAsync(string id, CancellationToken ct)
    {
        if (uploads.Find(access.UserId!, id) is not { } upload) return Expired();
        var report = await new MemberImport(db, clock).AnalyseAsync(uploads.Rows(access.UserId!, upload),
            await access.ScopePathsAsync(Capability.ImportMembers, ct), ct);
        return new StreamedDownload(XlsxWriter.ContentType, "loi-nhap-dang-vien.xlsx", async (body, token) =>
        {
            using var workbook = new XlsxWriter(body);
            await workbook.WriteSheetAsync("Lỗi", new SheetColumn<ImportIssue>[]
            {
                new("Dòng", CellKind.Number, e => e.Row == 0 ? null : e.Row, 8),
                new("Cột", CellKind.Text, e => e.Column, 24),
                new("Lỗi", CellKind.Text, e => e.Message, 90),
            }, report.Errors, token);
            await workbook.CompleteAsync(token);
        });
    }

    private RedirectToPageResult Expired()
    {
        TempData["Message"] = "Tệp tải lên đã hết hạn, đã được nhập hoặc đã hủy. Hãy tải tệp lên lại nếu cần.";
        return RedirectToPage("Index");
    }
}
