using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Ratings;
using PartyRoster.Domain.Reports;
using PartyRoster.Domain.Rules;
using PartyRoster.Domain.Screening;
using PartyRoster.Web.Data;

namespace PartyRoster.Web.Infrastructure.Reports;

/// <summary>
/// The home page's figures per role: a cell secretary sees their cell, a committee (đảng ủy, Ban Tổ chức, UBKT, BTV)
/// its subtree as charts. Every figure carries the link to the list it counts; each is one grouped query, read
/// with the same code as the reports so the two agree. The subtree charts go through <see cref="DashboardCache"/>.
/// </summary>
public sealed class Dashboard(PartyRosterDbContext db, AccessService access, OrganizationDirectory directory, RuleBook rules, DashboardCache cache)
{
    /// <summary>Years shown in the per-year charts: this one and the four before it.</summary>
    public const int Years = 5;

    /// <summary>Years shown in the ratings chart.</summary>
    public const int RatingYears = 3;

    /// <summary>A cell secretary's cell at a glance.</summary>
    /// <param name="InArrears">Members with unpaid owed months in the arrears window (the last twelve ended months).</param>
    /// <param name="MonthsInArrears">Their unpaid months, summed.</param>
    public sealed record CellPanel(int Id, string Name, int Official, int Probationary, MeetingCompliance.CellStats Meetings,
        int OpenSignals, int HelpCases, int Year, int InArrears = 0, int MonthsInArrears = 0);

    /// <summary>The charts of a subtree.</summary>
    public sealed record SubtreeCharts(string ScopeName, BarChart Roll, GroupedBarChart Flows, BarChart Removals, BarChart Help, BarChart Meetings, GroupedBarChart Ratings, BarChart Dues)
    {
        /// <summary>When the figures were computed (shown on the page: they may be a few minutes old).</summary>
        public DateTime ComputedAtUtc { get; init; }
    }

    /// <summary>Panels for the cells the user serves as secretary (bí thư / chi ủy viên).</summary>
    public async Task<IReadOnlyList<CellPanel>> CellPanelsAsync(DateOnly today, CancellationToken ct)
    {
        var cellIds = (await access.GrantsAsync(ct)).Where(g => g.Role == Role.CellSecretary).Select(g => g.OrganizationId).Distinct().ToList();
        if (cellIds.Count == 0) return [];
        var cells = await db.Organizations.AsNoTracking().Where(o => cellIds.Contains(o.Id)).OrderBy(o => o.Name)
            .Select(o => new MeetingCompliance.Cell(o.Id, o.Name, o.EstablishedOn)).ToListAsync(ct);
        var onRoll = MemberEnumNames.OnRollStates;
        var standing = await db.Members.Where(m => cellIds.Contains(m.OrganizationId) && onRoll.Contains(m.RollState))
            .GroupBy(m => new { m.OrganizationId, m.Standing }).Select(g => new { g.Key.OrganizationId, g.Key.Standing, Count = g.Count() })
            .ToListAsync(ct);
        var meetings = await MeetingCompliance.ForYearAsync(db, cells, db.Organizations.Where(o => cellIds.Contains(o.Id)).Select(o => o.Id),
            today.Year, today, MeetingCompliance.ThresholdFor(rules, today.Year, today).Value, ct);
        var signals = await db.Signals.Where(s => cellIds.Contains(s.CellId) && s.ResolvedOn == null && s.CaseId == null)
            .GroupBy(s => s.CellId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var helpStatuses = ReportCategories.StatusesOf(HelpOutcome.UnderHelp);
        var help = await db.ScreeningCases.Where(c => cellIds.Contains(c.CellId) && c.Track == ScreeningTrack.Education && helpStatuses.Contains(c.Status))
            .GroupBy(c => c.CellId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

        // Arrears as the cell's arrears page counts them: members on the roll, the last twelve ended months.
        var arrears = (await DuesSnapshot.LoadAsync(db, db.Members.Where(m => cellIds.Contains(m.OrganizationId) && onRoll.Contains(m.RollState)), today, ct))
            .InArrears().GroupBy(a => a.Member.CellId).ToDictionary(g => g.Key, g => (Members: g.Count(), Months: g.Sum(a => a.Months.Count)));

        return cells.Select(c => new CellPanel(c.Id, c.Name,
            standing.Where(s => s.OrganizationId == c.Id && s.Standing == Standing.Official).Sum(s => s.Count),
            standing.Where(s => s.OrganizationId == c.Id && s.Standing == Standing.Probationary).Sum(s => s.Count),
            meetings.First(m => m.Id == c.Id), signals.GetValueOrDefault(c.Id), help.GetValueOrDefault(c.Id), today.Year,
            arrears.GetValueOrDefault(c.Id).Members, arrears.GetValueOrDefault(c.Id).Months)).ToList();
    }

    /// <summary>
    /// The subtree charts for a user who reads reports (null for anyone else), from <see cref="DashboardCache"/>;
    /// <paramref name="refresh"/> computes them now.
    /// </summary>
    public async Task<SubtreeCharts?> SubtreeAsync(DateOnly today, bool refresh, CancellationToken ct)
    {
        if (!await access.HasAnywhereAsync(Capability.ViewReports, ct)) return null;
        var scope = await ReportScope.ResolveAsync(directory, access, Capability.ViewReports, null, ct);
        return await cache.GetAsync(scope, today, refresh, token => ChartsAsync(scope, today, token), ct);
    }

    /// <summary>Computes the charts of <paramref name="scope"/> from the database (every figure as of now).</summary>
    public async Task<SubtreeCharts> ChartsAsync(ReportScope scope, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var fromYear = today.Year - Years + 1;
        var from = new DateOnly(fromYear, 1, 1);
        var to = new DateOnly(today.Year, 12, 31);

        var roll = await RosterFigures.OnRollAsync(db, scope, ct);
        int Roll(Func<RosterFigures.OnRollCount, bool> where) => roll.Where(where).Sum(c => c.Count);
        var rollChart = new BarChart("chart-roll", $"Đảng viên trong danh sách: {Format.Number(roll.Sum(c => c.Count))}",
        [
            new("Chính thức", Roll(c => c.Standing == Standing.Official), ReportLinks.Members(Standing.Official, null, null)),
            new("Dự bị", Roll(c => c.Standing == Standing.Probationary), ReportLinks.Members(Standing.Probationary, null, null), "warning"),
            new("Miễn công tác và sinh hoạt", Roll(c => c.State == RollState.ExemptFromActivities),
                ReportLinks.Members(null, RollState.ExemptFromActivities, null), "secondary"),
            new("Sinh hoạt tạm thời nơi khác", Roll(c => c.State == RollState.TemporarilyAway),
                ReportLinks.Members(null, RollState.TemporarilyAway, null), "secondary"),
        ]);

        var admitted = await RosterFigures.AdmissionsAsync(db, scope, from, to, ct);
        var removals = await RosterFigures.RemovalsAsync(db, scope, from, to, ct);
        var deaths = await RosterFigures.DeathsAsync(db, scope, from, to, ct);
        var flows = new GroupedBarChart("chart-flows", $"Kết nạp, đưa ra khỏi Đảng, từ trần ({fromYear}–{today.Year})",
            [new("Kết nạp", "success"), new("Đưa ra khỏi Đảng", "danger"), new("Từ trần", "secondary")],
            Enumerable.Range(fromYear, Years).Reverse().Select(y => new ChartGroup(CountTable.Key(y),
            [
                new("Kết nạp", admitted.Where(c => c.Year == y).Sum(c => c.Count), ReportLinks.Admitted(y, null), "success"),
                new("Đưa ra khỏi Đảng", removals.Where(c => c.Year == y).Sum(c => c.Count), ReportLinks.Left(y, y, null, null), "danger"),
                new("Từ trần", deaths.Where(c => c.Year == y).Sum(c => c.Count), ReportLinks.Deceased(y, null), "secondary"),
            ])).ToList());

        var removalChart = new BarChart("chart-removals",
            $"Đưa ra khỏi Đảng {fromYear}–{today.Year}: {Format.Number(removals.Sum(c => c.Count))} đảng viên, trong đó",
            ReportCategories.RemovalReasons.Select(r => new ChartBar(r.ShortName(), removals.Where(c => c.Reason == r).Sum(c => c.Count),
                ReportLinks.Left(fromYear, today.Year, r, null), r == RemovalReason.Withdrew ? "secondary" : "danger")).ToList());

        var outcomes = await HelpListFigures.OutcomesNowAsync(db, scope, ct);
        var helpChart = new BarChart("chart-help", "Danh sách giáo dục, giúp đỡ: kết quả đến nay",
            ReportCategories.HelpOutcomes.Where(o => o != HelpOutcome.Closed).Select(o => new ChartBar(o.DisplayName(), outcomes.GetValueOrDefault(o),
                ReportLinks.HelpCases(o, null), o switch
                {
                    HelpOutcome.ProgressRecognized => "success",
                    HelpOutcome.RemovedFromRoll or HelpOutcome.Expelled => "danger",
                    _ => "warning",
                })).ToList());

        var cells = await scope.ActiveCellsAsync(db, ct);
        var meetingChart = await MeetingChartAsync(scope, cells, today, ct);
        var ratings = await RatingFigures.CountsAsync(db, scope, today.Year - RatingYears + 1, today.Year, ct);
        string[] tones = ["success", "primary", "warning", "danger"];
        var ratingChart = new GroupedBarChart("chart-ratings", "Kết quả xếp loại đảng viên theo năm",
            RatingLevelNames.All.Select((l, i) => new ChartSeries(l.ShortName(), tones[i])).ToList(),
            Enumerable.Range(today.Year - RatingYears + 1, RatingYears).Reverse().Select(y =>
            {
                var ofYear = ratings.Where(c => c.Year == y).ToList();
                var good = ofYear.Where(c => RatingFigures.IsGoodOrBetter(c.Level)).Sum(c => c.Count);
                return new ChartGroup($"{y}: {Format.Number(good)}/{Format.Number(ofYear.Sum(c => c.Count))} tốt và xuất sắc",
                    RatingLevelNames.All.Select((l, i) => new ChartBar(l.ShortName(), ofYear.Where(c => c.Level == l).Sum(c => c.Count),
                        $"/Ratings?year={CountTable.Key(y)}", tones[i])).ToList());
            }).ToList());
        var duesChart = await DuesChartAsync(scope, cells, today, ct);
        return new SubtreeCharts(scope.Name, rollChart, flows, removalChart, helpChart, meetingChart, ratingChart, duesChart);
    }

    /// <summary>Cells by regular months missed so far this year (months due: January, or the founding month, to last month).</summary>
    private async Task<BarChart> MeetingChartAsync(ReportScope scope, IReadOnlyList<MeetingCompliance.Cell> cells, DateOnly today, CancellationToken ct)
    {
        var ids = scope.OrganizationIds(db);
        var stats = await MeetingCompliance.ForYearAsync(db, cells, ids, today.Year, today, 0, ct, flagAbsentees: false);
        var href = ReportLinks.MeetingStatistics(today.Year);
        var rate = ReportTable.Percent(stats.Sum(s => (long)s.Present), stats.Sum(s => (long)s.Lines));
        return new BarChart("chart-meetings",
            $"Sinh hoạt chi bộ năm {today.Year} (đến tháng trước): {Format.Number(cells.Count)} chi bộ, tỷ lệ dự sinh hoạt {rate.ToString("0.0", Format.Vietnamese)}%",
        [
            new("Đủ các tháng", stats.Count(s => s.MonthsMissed == 0), href, "success"),
            new("Thiếu 1–2 tháng", stats.Count(s => s.MonthsMissed is 1 or 2), href, "warning"),
            new("Thiếu từ 3 tháng", stats.Count(s => s.MonthsMissed >= 3), href, "danger"),
        ]);
    }

    /// <summary>Compliance at or above this share of owed months (but not all) is the middle band of the dues chart: a display choice.</summary>
    public const int DuesMiddleBand = 80;

    /// <summary>
    /// Cells by the share of this year's owed months (January to last month) that are paid, read with the dues report's
    /// code (<see cref="DuesCompliance"/>); cells that owed nothing yet (no basis, or January) are not counted.
    /// </summary>
    private async Task<BarChart> DuesChartAsync(ReportScope scope, IReadOnlyList<MeetingCompliance.Cell> cells, DateOnly today, CancellationToken ct)
    {
        var ids = scope.OrganizationIds(db);
        var year = today.Year;
        var stats = (await DuesCompliance.ForYearAsync(db, cells, ids, year, today, DuesCompliance.ThresholdFor(rules, year, today).Value, ct))
            .Where(s => s.MonthsOwed > 0).ToList();
        var href = ReportLinks.DuesReport(year, scope.Chosen?.Id);
        var rate = ReportTable.Percent(stats.Sum(s => (long)s.MonthsPaid), stats.Sum(s => (long)s.MonthsOwed));
        return new BarChart("chart-dues",
            $"Thu nộp đảng phí năm {year} (đến tháng trước): {Format.Number(stats.Count)} chi bộ, tỷ lệ đã đóng {rate.ToString("0.0", Format.Vietnamese)}%",
        [
            new("Đã đóng đủ (100%)", stats.Count(s => s.MonthsPaid == s.MonthsOwed), href, "success"),
            new($"Từ {DuesMiddleBand}% đến dưới 100%", stats.Count(s => s.MonthsPaid < s.MonthsOwed && 100L * s.MonthsPaid >= DuesMiddleBand * (long)s.MonthsOwed), href, "warning"),
            new($"Dưới {DuesMiddleBand}%", stats.Count(s => 100L * s.MonthsPaid < DuesMiddleBand * (long)s.MonthsOwed), href, "danger"),
        ]);
    }
}
