using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.CellLife;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Meetings;

/// <summary>
/// Records one meeting and the attendance of every member expected at it (on the roll, not exempt from
/// activities) in one form, built to be filled on a phone: everyone defaults to present.
/// </summary>
[Authorize(Policy = Policies.RecordMeetings)]
public sealed class RecordModel(PartyRosterDbContext db, AccessService access, TimeProvider clock) : PageModel
{
    public Organization Cell { get; private set; } = null!;
    /// <summary>Expected at the meeting, in roll order.</summary>
    public IReadOnlyList<MemberRow> Expected { get; private set; } = [];
    /// <summary>On the roll but exempt from activities (miễn sinh hoạt) or attending another cell for a while
    /// (sinh hoạt tạm thời nơi khác): listed, not expected.</summary>
    public IReadOnlyList<MemberRow> Exempt { get; private set; } = [];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed record MemberRow(int Id, string FullName, RollState RollState);

    public sealed class InputModel
    {
        public string? HeldOn { get; set; }
        public MeetingKind Kind { get; set; } = MeetingKind.Regular;
        public string? Topic { get; set; }
        public string? MinutesSummary { get; set; }
        public string? Resolutions { get; set; }
        public List<AttendanceInput> Rows { get; set; } = [];
    }

    public sealed class AttendanceInput
    {
        public int MemberId { get; set; }
        public AttendanceStatus Status { get; set; } = AttendanceStatus.Present;
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int cellId, CancellationToken ct)
    {
        if (!await LoadAsync(cellId, ct)) return NotFound();
        Input = new InputModel
        {
            HeldOn = Format.Date(Format.Today(clock)),
            Rows = [.. Expected.Select(m => new AttendanceInput { MemberId = m.Id })],
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int cellId, CancellationToken ct)
    {
        if (!await LoadAsync(cellId, ct)) return NotFound();
        var today = Format.Today(clock);
        var heldOn = Format.ParseDate(Input.HeldOn);
        if (heldOn is null)
        {
            ModelState.AddModelError("Input.HeldOn", "Ngày sinh hoạt không hợp lệ (dd/mm/yyyy).");
            return Page();
        }
        if (!ModelState.IsValid) return Page();

        if (Input.Kind == MeetingKind.Regular && heldOn <= today)
        {
            var first = new DateOnly(heldOn.Value.Year, heldOn.Value.Month, 1);
            var last = first.AddMonths(1).AddDays(-1);
            var id = Cell.Id;
            var existing = await db.Meetings.AsNoTracking().IgnoreAutoIncludes()
                .Where(m => m.CellId == id && m.Kind == MeetingKind.Regular && m.HeldOn >= first && m.HeldOn <= last)
                .Select(m => (DateOnly?)m.HeldOn).FirstOrDefaultAsync(ct);
            if (existing is not null)
            {
                ModelState.AddModelError("", $"Chi bộ đã có buổi sinh hoạt thường kỳ tháng {heldOn.Value.Month}/{heldOn.Value.Year} (ngày {Format.Date(existing)}). Buổi họp thêm hãy ghi là sinh hoạt chuyên đề hoặc bất thường.");
                return Page();
            }
        }

        Meeting meeting;
        try
        {
            meeting = new Meeting(Cell.Id, heldOn.Value, Input.Kind, Input.Topic, Input.MinutesSummary, Input.Resolutions, today);
            meeting.SetAttendance(Input.Rows.Select(r => new AttendanceEntry(r.MemberId, r.Status, r.Reason)),
                Expected.Select(m => m.Id).ToHashSet());
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError("", ex.Message);
            return Page();
        }

        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Đã lưu buổi sinh hoạt ngày {Format.Date(meeting.HeldOn)}.";
        return RedirectToPage("Details", new { id = meeting.Id });
    }

    /// <summary>The posted rows keyed by member, so a re-rendered form keeps what was typed.</summary>
    public AttendanceInput RowFor(int memberId) =>
        Input.Rows.Find(r => r.MemberId == memberId) ?? new AttendanceInput { MemberId = memberId };

    private async Task<bool> LoadAsync(int cellId, CancellationToken ct)
    {
        var cell = await MeetingCells.FindAsync(access, cellId, Capability.RecordMeetings, ct);
        if (cell is null) return false;
        Cell = cell;
        var onRoll = await db.Members.AsNoTracking()
            .Where(m => m.OrganizationId == cellId && MemberEnumNames.OnRollStates.Contains(m.RollState))
            .OrderBy(m => m.SortKey).ThenBy(m => m.Id)
            .Select(m => new MemberRow(m.Id, m.FullName, m.RollState))
            .ToListAsync(ct);
        Expected = [.. onRoll.Where(m => m.RollState == RollState.Active)];
        Exempt = [.. onRoll.Where(m => m.RollState != RollState.Active)];
        return true;
    }
}
