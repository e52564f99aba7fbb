using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Members.Import;

/// <summary>
/// Import, step 3: the progress of a confirmed import, then its outcome. The page renders the status as it is;
/// wwwroot/js/import-progress.js polls <see cref="OnGetStatus"/> and reloads the page when the import ends.
/// </summary>
[Authorize(Policy = Policies.ImportMembers)]
public sealed class ProgressModel(AccessService access, ImportUploads uploads, TimeProvider clock) : PageModel
{
    public string Id { get; private set; } = "";
    public ImportStatus Status { get; private set; } = null!;
    public bool Interrupted => Status.IsInterrupted(clock);
    public bool Finished => Status.IsFinished || Interrupted;
    public string Text => Status.Describe(clock);

    public IActionResult OnGet(string id)
    {
        if (uploads.ReadStatus(access.UserId!, id) is not { } status) return NotFound();
        Id = id;
        Status = status;
        return Page();
    }

    public IActionResult OnGetStatus(string id)
    {
        if (uploads.ReadStatus(access.UserId!, id) is not { } status) return NotFound();
        Status = status;
        return new JsonResult(new
        {
            state = status.State.ToString(),
            done = status.Done,
            total = status.Total,
            percent = status.Percent,
            finished = Finished,
            text = Text,
        });
    }
}
