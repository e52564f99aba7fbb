using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Calendar;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Admin.Holidays;

/// <summary>
/// The holiday calendar working-day deadlines are counted with (domain.md §8): the Admin keeps it in step
/// with the government's yearly announcement. Every change is audited and refreshes the cached calendar.
/// </summary>
[Authorize(Policy = Policies.ManageUsers)]
public sealed class IndexModel(PartyRosterDbContext db, WorkingCalendarService calendars, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int SelectedYear { get; private set; }
    public IReadOnlyList<SelectListItem> YearOptions { get; private set; } = [];
    public IReadOnlyList<HolidayRow> Rows { get; private set; } = [];

    public sealed record HolidayRow(DateOnly Date, string Name, HolidayKind Kind)
    {
        public string Key => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public sealed class InputModel
    {
        [Display(Name = "Ngày")]
        public string? Date { get; set; }

        [Display(Name = "Tên ngày")]
        public string? Name { get; set; }

        [Display(Name = "Loại")]
        public HolidayKind Kind { get; set; } = HolidayKind.Holiday;
    }

    public static string KindName(HolidayKind kind) => kind switch
    {
        HolidayKind.Holiday => "Ngày lễ/Tết",
        HolidayKind.DayOff => "Nghỉ bù",
        HolidayKind.WorkingDay => "Làm bù",
        _ => kind.ToString(),
    };

    public static IEnumerable<SelectListItem> KindOptions(HolidayKind selected) =>
        Enum.GetValues<HolidayKind>().Select(k => new SelectListItem(KindName(k), k.ToString(), k == selected));

    public static string WeekdayName(DateOnly d) => d.DayOfWeek switch
    {
        DayOfWeek.Monday => "Thứ Hai",
        DayOfWeek.Tuesday => "Thứ Ba",
        DayOfWeek.Wednesday => "Thứ Tư",
        DayOfWeek.Thursday => "Thứ Năm",
        DayOfWeek.Friday => "Thứ Sáu",
        DayOfWeek.Saturday => "Thứ Bảy",
        _ => "Chủ nhật",
    };

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var date = Format.ParseDate(Input.Date);
        if (string.IsNullOrWhiteSpace(Input.Date))
            ModelState.AddModelError("Input.Date", "Hãy nhập ngày (dd/mm/yyyy).");
        else if (date is null)
            ModelState.AddModelError("Input.Date", "Ngày không hợp lệ (dd/mm/yyyy).");

        var name = Input.Name?.Trim() ?? "";
        if (name.Length == 0)
            ModelState.AddModelError("Input.Name", "Hãy nhập tên ngày nghỉ hoặc ngày làm bù.");
        else if (name.Length > Holiday.NameMaxLength)
            ModelState.AddModelError("Input.Name", $"Tên dài quá {Holiday.NameMaxLength} ký tự.");

        if (!Enum.IsDefined(Input.Kind))
            ModelState.AddModelError("Input.Kind", "Loại ngày không hợp lệ.");
        else if (date is { } d && Input.Kind == HolidayKind.WorkingDay && d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            ModelState.AddModelError("Input.Kind", $"Ngày làm bù phải là thứ Bảy hoặc Chủ nhật; {Format.Date(d)} là {WeekdayName(d)}.");

        if (date is { } day && await db.Holidays.AsNoTracking().FirstOrDefaultAsync(h => h.Date == day, ct) is { } existing)
            ModelState.AddModelError("Input.Date", $"Ngày {Format.Date(day)} đã có trong lịch ({existing.Name}).");

        if (!ModelState.IsValid)
        {
            Year = date?.Year ?? Year;
            await LoadAsync(ct);
            return Page();
        }

        db.Holidays.Add(new Holiday { Date = date!.Value, Name = name, Kind = Input.Kind });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another Admin added the same day a moment ago: the key refused the second row.
            db.ChangeTracker.Clear();
            ModelState.AddModelError("Input.Date", $"Ngày {Format.Date(date.Value)} đã có trong lịch.");
            Year = date.Value.Year;
            await LoadAsync(ct);
            return Page();
        }
        calendars.Invalidate();
        TempData["Message"] = $"Đã thêm {KindName(Input.Kind).ToLowerInvariant()} {Format.Date(date.Value)}: {name}.";
        return RedirectToPage(new { year = date.Value.Year });
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? date, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return NotFound();
        var holiday = await db.Holidays.FirstOrDefaultAsync(h => h.Date == day, ct);
        if (holiday is null)
        {
            TempData["Message"] = $"Ngày {Format.Date(day)} không còn trong lịch.";
            return RedirectToPage(new { year = day.Year });
        }
        db.Holidays.Remove(holiday);
        await db.SaveChangesAsync(ct);
        calendars.Invalidate();
        TempData["Message"] = $"Đã xóa {Format.Date(day)} ({holiday.Name}) khỏi lịch.";
        return RedirectToPage(new { year = day.Year });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = Format.Today(clock);
        SelectedYear = Year is >= 2000 and <= 2100 ? Year.Value : today.Year;
        var from = new DateOnly(SelectedYear, 1, 1);
        var to = new DateOnly(SelectedYear, 12, 31);
        Rows = await db.Holidays.AsNoTracking()
            .Where(h => h.Date >= from && h.Date <= to)
            .OrderBy(h => h.Date)
            .Select(h => new HolidayRow(h.Date, h.Name, h.Kind))
            .ToListAsync(ct);

        // Years with data, plus this year and the next (the one to prepare).
        var dates = await db.Holidays.AsNoTracking().Select(h => h.Date).ToListAsync(ct);
        var years = dates.Select(d => d.Year).Append(today.Year).Append(today.Year + 1).Append(SelectedYear)
            .Distinct().Order().ToList();
        YearOptions = [.. years.Select(y => new SelectListItem(y.ToString(CultureInfo.InvariantCulture), y.ToString(CultureInfo.InvariantCulture), y == SelectedYear))];
    }
}
