using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.CellLife;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Meetings;

/// <summary>A cell's meetings and its calendar of regular (monthly) meetings for one year, missed months in red.</summary>
[Authorize(Policy = Policies.ViewMeetings)]
public sealed class IndexModel(PartyRosterDbContext db, AccessService access, TimeProvider clock) : PageModel
{
    public IReadOnlyList<MeetingCells.CellOption> Cells { get; private set; } = [];
    public MeetingCells.CellOption? Cell { get; private set; }
    public int Year { get; private set; }
    public DateOnly Today { get; private set; }
    public IReadOnlyList<MonthCell> Calendar { get; private set; } = [];
    public IReadOnlyList<MeetingRow> Rows { get; private set; } = [];
    public bool CanRecord { get; private set; }

    public enum MonthState { Held, Missed, Pending, NotApplicable }

    public sealed record MonthCell(int Month, MonthState State, int Count);

    public sealed record MeetingRow(int Id, DateOnly HeldOn, MeetingKind Kind, string? Topic, int Present, int Expected);

    public async Task<IActionResult> OnGetAsync(int? cellId, int? year, CancellationToken ct)
    {
        Today = Format.Today(clock);
        Year = year is >= 1930 and <= 2100 ? year.Value : Today.Year;
        Cells = await MeetingCells.InScopeAsync(access, Capability.ViewMeetings, ct);
        if (cellId is null)
        {
            Cell = Cells.Count > 0 ? Cells[0] : null;
            if (Cell is null) return Page();
        }
        else
        {
            Cell = Cells.FirstOrDefault(c => c.Id == cellId);
            if (Cell is null) return NotFound();
        }
        CanRecord = await access.CanAsync(Capability.RecordMeetings, Cell.Path, ct);

        var id = Cell.Id;
        var from = new DateOnly(Year, 1, 1);
        var to = new DateOnly(Year, 12, 31);
        Rows = await db.Meetings.AsNoTracking().IgnoreAutoIncludes()
            .Where(m => m.CellId == id && m.HeldOn >= from && m.HeldOn <= to)
            .OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Id)
            .Select(m => new MeetingRow(m.Id, m.HeldOn, m.Kind, m.Topic,
                m.AttendanceList.Count(a => a.Status == AttendanceStatus.Present), m.AttendanceList.Count()))
            .ToListAsync(ct);

        var established = new DateOnly(Cell.EstablishedOn.Year, Cell.EstablishedOn.Month, 1);
        var thisMonth = new DateOnly(Today.Year, Today.Month, 1);
        Calendar = [.. Enumerable.Range(1, 12).Select(month =>
        {
            var first = new DateOnly(Year, month, 1);
            var count = Rows.Count(r => r.Kind == MeetingKind.Regular && r.HeldOn.Month == month);
            // The current month is not missed until it is over; months before the cell existed are not counted.
            var state = count > 0 ? MonthState.Held
                : first < established ? MonthState.NotApplicable
                : first < thisMonth ? MonthState.Missed
                : MonthState.Pending;
            return new MonthCell(month, state, count);
        })];
        return Page();
    }
}
