using System.Globalization;

namespace PartyRoster.Domain.Signals;

/// <summary>
/// The four signals of domain.md §4 as pure functions of the books: each returns the finding with its evidence,
/// or nothing. The thresholds come from the rule set in force (<see cref="Rules.RuleSet"/>); the web layer reads
/// the books in bulk and calls these per member, so the rules are tested without a database.
/// </summary>
public static class SignalRules
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// Absent without reason in at least <paramref name="monthsThreshold"/> different months of <paramref name="year"/>.
    /// A month counts once however many meetings of it were missed.
    /// </summary>
    /// <param name="unexcusedMeetingDates">Dates of the meetings the member missed without reason (any year; others are ignored).</param>
    public static SignalFinding? MissedMeetings(int memberId, int year, IEnumerable<DateOnly> unexcusedMeetingDates, int monthsThreshold)
    {
        ArgumentNullException.ThrowIfNull(unexcusedMeetingDates);
        var dates = unexcusedMeetingDates.Where(d => d.Year == year).Distinct().Order().ToList();
        var months = dates.Select(d => d.Month).Distinct().ToList();
        if (months.Count < monthsThreshold) return null;
        var evidence = $"Vắng sinh hoạt không có lý do {months.Count} tháng trong năm {year} (tháng {Months(months)}): "
            + $"các buổi sinh hoạt ngày {string.Join(", ", dates.Select(Signal.D))}.";
        return new SignalFinding(memberId, SignalKind.MissedMeetings, year.ToString(Invariant), evidence);
    }

    /// <summary>Dues unpaid for at least <paramref name="monthsThreshold"/> ended months of <paramref name="year"/>.</summary>
    /// <param name="unpaidMonths">First days of the unpaid, ended months the dues ledger reports (others are ignored).</param>
    public static SignalFinding? UnpaidDues(int memberId, int year, IEnumerable<DateOnly> unpaidMonths, int monthsThreshold)
    {
        ArgumentNullException.ThrowIfNull(unpaidMonths);
        var months = unpaidMonths.Where(m => m.Year == year).Select(m => m.Month).Distinct().Order().ToList();
        if (months.Count < monthsThreshold) return null;
        var evidence = $"Chưa đóng đảng phí {months.Count} tháng trong năm {year}: tháng {Months(months)}/{year} (sổ thu đảng phí của chi bộ).";
        return new SignalFinding(memberId, SignalKind.UnpaidDues, year.ToString(Invariant), evidence);
    }

    /// <summary>
    /// Rated "không hoàn thành nhiệm vụ" in <paramref name="consecutiveYears"/> years running: one finding for each
    /// run that ends in a year of <paramref name="notCompletedYears"/> (so three years running give two findings).
    /// </summary>
    public static IEnumerable<SignalFinding> NotCompleted(int memberId, IEnumerable<int> notCompletedYears, int consecutiveYears)
    {
        ArgumentNullException.ThrowIfNull(notCompletedYears);
        ArgumentOutOfRangeException.ThrowIfLessThan(consecutiveYears, 1);
        var years = notCompletedYears.ToHashSet();
        foreach (var last in years.Order())
        {
            var first = last - consecutiveYears + 1;
            if (!Enumerable.Range(first, consecutiveYears).All(years.Contains)) continue;
            var run = string.Join(", ", Enumerable.Range(first, consecutiveYears));
            yield return new SignalFinding(memberId, SignalKind.NotCompletedTwoYears,
                first == last ? last.ToString(Invariant) : $"{first}-{last}",
                $"Xếp loại \"Không hoàn thành nhiệm vụ\" {consecutiveYears} năm liền: năm {run} (tiêu chí C1).");
        }
    }

    /// <summary>An official transfer whose introduction letter was not presented by its deadline.</summary>
    /// <param name="late">The transfer's own rule says its papers are late today.</param>
    public static SignalFinding? TransferPapersLate(int memberId, int transferId, bool late, string? letterNumber,
        DateOnly issuedOn, DateOnly deadline, string? destination, DateOnly today)
    {
        if (!late) return null;
        var letter = string.IsNullOrWhiteSpace(letterNumber) ? "" : $" số {letterNumber.Trim()}";
        var to = string.IsNullOrWhiteSpace(destination) ? "" : $" đến {destination.Trim()}";
        var evidence = $"Giấy giới thiệu chuyển sinh hoạt{letter} ngày {Signal.D(issuedOn)}{to}: hạn nộp {Signal.D(deadline)}, "
            + $"đến ngày {Signal.D(today)} (quá hạn {today.DayNumber - deadline.DayNumber} ngày) chưa có phiếu báo đã nộp.";
        return new SignalFinding(memberId, SignalKind.TransferPapersLate, "T" + transferId.ToString(Invariant), evidence);
    }

    private static string Months(IEnumerable<int> months) => string.Join(", ", months.Select(m => m.ToString(Invariant)));
}
