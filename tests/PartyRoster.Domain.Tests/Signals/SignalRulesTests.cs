using PartyRoster.Domain.Rules;
using PartyRoster.Domain.Screening;
using PartyRoster.Domain.Signals;

namespace PartyRoster.Domain.Tests.Signals;

public sealed class SignalRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly int Threshold = RuleBook.Default.InForceOn(Today).MissedMeetingMonthsInYear.Value;

    private static DateOnly D(int month, int day, int year = 2026) => new(year, month, day);

    [Fact]
    public void MissedMeetings_TwoMonths_RaisesNothing() =>
        Assert.Null(SignalRules.MissedMeetings(7, 2026, [D(2, 5), D(5, 6)], Threshold));

    [Fact]
    public void MissedMeetings_TheThirdMonth_RaisesTheSignalWithTheMeetingsAsEvidence()
    {
        var f = SignalRules.MissedMeetings(7, 2026, [D(2, 5), D(5, 6), D(9, 4)], Threshold);
        Assert.NotNull(f);
        Assert.Equal(SignalKind.MissedMeetings, f.Kind);
        Assert.Equal("2026", f.PeriodKey);
        Assert.Contains("3 tháng trong năm 2026 (tháng 2, 5, 9)", f.Evidence, StringComparison.Ordinal);
        Assert.Contains("05/02/2026, 06/05/2026, 04/09/2026", f.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void MissedMeetings_ThreeMeetingsOfOneMonth_CountAsOneMonth() =>
        Assert.Null(SignalRules.MissedMeetings(7, 2026, [D(2, 5), D(2, 12), D(2, 20), D(3, 4)], Threshold));

    [Fact]
    public void MissedMeetings_MonthsOfAnotherYear_DoNotCount() =>
        Assert.Null(SignalRules.MissedMeetings(7, 2026, [D(11, 5, 2025), D(12, 5, 2025), D(1, 6)], Threshold));

    [Fact]
    public void UnpaidDues_ThreeMonths_RaisesTheSignal_TwoDoNot()
    {
        Assert.Null(SignalRules.UnpaidDues(7, 2026, [D(1, 1), D(3, 1)], 3));
        var f = SignalRules.UnpaidDues(7, 2026, [D(1, 1), D(3, 1), D(4, 1), D(12, 1, 2025)], 3);
        Assert.NotNull(f);
        Assert.Contains("tháng 1, 3, 4/2026", f.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void NotCompleted_TwoYearsRunning_RaisesOneSignalForThePair()
    {
        var f = Assert.Single(SignalRules.NotCompleted(7, [2024, 2025], 2));
        Assert.Equal("2024-2025", f.PeriodKey);
        Assert.Contains("năm 2024, 2025", f.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void NotCompleted_TwoYearsWithAGap_RaisesNothing() =>
        Assert.Empty(SignalRules.NotCompleted(7, [2023, 2025], 2));

    [Fact]
    public void NotCompleted_ThreeYearsRunning_RaisesBothPairs() =>
        Assert.Equal(["2023-2024", "2024-2025"], SignalRules.NotCompleted(7, [2025, 2023, 2024], 2).Select(f => f.PeriodKey));

    [Fact]
    public void TransferPapersLate_OnlyWhenLate_WithLetterAndDaysLate()
    {
        Assert.Null(SignalRules.TransferPapersLate(7, 3, false, "12-GGT", D(1, 5), D(2, 20), "Đảng bộ xã A", Today));
        var f = SignalRules.TransferPapersLate(7, 3, true, "12-GGT", D(1, 5), D(2, 20), "Đảng bộ xã A", D(3, 2));
        Assert.NotNull(f);
        Assert.Equal("T3", f.PeriodKey);
        Assert.Contains("số 12-GGT ngày 05/01/2026 đến Đảng bộ xã A: hạn nộp 20/02/2026", f.Evidence, StringComparison.Ordinal);
        Assert.Contains("quá hạn 10 ngày", f.Evidence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SignalKind.MissedMeetings, ScreeningTrack.DirectRemoval)]
    [InlineData(SignalKind.UnpaidDues, ScreeningTrack.DirectRemoval)]
    [InlineData(SignalKind.TransferPapersLate, ScreeningTrack.DirectRemoval)]
    [InlineData(SignalKind.NotCompletedTwoYears, ScreeningTrack.Education)]
    public void EachSignal_OpensTheTrackOfItsGround(SignalKind kind, ScreeningTrack track) =>
        Assert.Equal(track, kind.CaseOpening().Track);

    [Fact]
    public void Signal_ResolvedWhenFactsGo_ComesBackWhenTheyReturn_AndStaysOnceACaseIsOpened()
    {
        var finding = SignalRules.MissedMeetings(7, 2026, [D(2, 5), D(5, 6), D(9, 4)], Threshold)!;
        var signal = new Signal(finding, 45, Today);
        Assert.True(signal.IsOpen);
        Assert.True(signal.Resolve(Today));
        Assert.False(signal.IsOpen);
        Assert.Throws<DomainException>(() => signal.LinkCase(9));
        Assert.True(signal.Confirm(finding, 45, Today.AddDays(1)));
        Assert.True(signal.IsOpen);
        signal.LinkCase(9);
        Assert.False(signal.Resolve(Today.AddDays(2)));
        Assert.Null(signal.ResolvedOn);
        Assert.Throws<DomainException>(() => signal.LinkCase(10));
    }
}
