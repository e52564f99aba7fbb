using PartyRoster.Domain.Rules;

namespace PartyRoster.Domain.Tests.Rules;

public sealed class RuleBookInForceOn
{
    [Fact]
    public void DateBeforeTheJuly2025Change_GetsTheOldSetUnderQuyDinh24()
    {
        var set = RuleBook.Default.InForceOn(new DateOnly(2025, 6, 30));
        Assert.Equal(LegalBases.QuyDinh24, set.DecisionThreshold.Basis);
        Assert.Equal(LegalBases.QuyDinh24, set.RemovalAppealWorkingDays.Basis);
        Assert.Equal(LegalBases.HuongDan01, set.AppealAnswerWorkingDays.Basis);
    }

    [Fact]
    public void DateOnOrAfterTheChange_GetsTheNewSetUnderQuyDinh294()
    {
        var onChange = RuleBook.Default.InForceOn(new DateOnly(2025, 7, 1));
        Assert.Equal(LegalBases.QuyDinh294, onChange.DecisionThreshold.Basis);
        Assert.Equal(LegalBases.HuongDan06, onChange.AppealAnswerWorkingDays.Basis);
        Assert.Same(onChange, RuleBook.Default.InForceOn(new DateOnly(2026, 11, 22)));
    }

    [Fact]
    public void AYear_IsJudgedByTheSetInForceAtItsEnd_OrTodayForTheCurrentYear()
    {
        var today = new DateOnly(2025, 3, 10);
        // 2024 ended under QĐ 24; the current year 2025 is judged by today's set (still QĐ 24), not by July's.
        Assert.Same(RuleBook.Default.InForceOn(new DateOnly(2024, 12, 31)), RuleBook.Default.ForYear(2024, today));
        Assert.Equal(LegalBases.QuyDinh24, RuleBook.Default.ForYear(2025, today).DecisionThreshold.Basis);
        // Seen from 2026, the whole of 2025 is judged by the set in force on 31/12/2025: QĐ 294.
        Assert.Equal(LegalBases.QuyDinh294, RuleBook.Default.ForYear(2025, new DateOnly(2026, 1, 5)).DecisionThreshold.Basis);
    }

    [Fact]
    public void DateBeforeTheFirstSet_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => RuleBook.Default.InForceOn(new DateOnly(2020, 1, 1)));
        Assert.Contains("01/01/2020", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultSets_CarryTheDomainDefaults()
    {
        Assert.Equal(2, RuleBook.Default.Sets.Count);
        foreach (var s in RuleBook.Default.Sets)
        {
            Assert.Equal(VoteThreshold.AtLeastTwoThirds, s.ListBallotThreshold.Value);
            Assert.Equal(VoteThreshold.AtLeastTwoThirds, s.RemovalBallotThreshold.Value);
            Assert.Equal(VoteThreshold.AtLeastTwoThirds, s.ForwardThreshold.Value);
            Assert.Equal(VoteThreshold.MoreThanHalf, s.DecisionThreshold.Value);
            Assert.Equal(VoteThreshold.AtLeastTwoThirds, s.ExpulsionProposalThreshold.Value);
            Assert.Equal(12, s.HelpPeriodMonths.Value);
            Assert.Equal(3, s.MaxInconclusiveBallotRounds.Value);
            Assert.Equal(3, s.SelfCriticismRequestsBeforeProceeding.Value);
            Assert.Equal(30, s.RemovalAppealWorkingDays.Value);
            Assert.Equal(1, s.DisciplineAppealMonths.Value);
            Assert.Equal(90, s.AppealAnswerWorkingDays.Value);
            Assert.Equal(30, s.TransferPresentationWorkingDays.Value);
            Assert.Equal(3, s.TransferLateReportMonths.Value);
            Assert.Equal(3, s.TemporaryTransferMinMonths.Value);
            Assert.Equal(12, s.TemporaryTransferMaxMonths.Value);
            Assert.Equal(24, s.StudyTransferMaxMonths.Value);
            Assert.Equal(19, s.All().Count);
            Assert.Equal(LegalBases.HuongDan02, s.ListBallotThreshold.Basis);
        }
    }

    [Fact]
    public void LegalBasis_CitesNumberDateAndIssuer() =>
        Assert.Equal("Quy định thi hành Điều lệ Đảng 294-QĐ/TW ngày 26/05/2025 của Ban Chấp hành Trung ương", LegalBases.QuyDinh294.Citation);

    [Fact]
    public void TwoSetsWithTheSameEffectiveDate_AreRefused()
    {
        var s = RuleBook.Default.Sets[0];
        Assert.Throws<DomainException>(() => new RuleBook([s, s with { Name = "Bản sao" }]));
    }

    [Fact]
    public void AnAdminSet_TakesOverFromItsDate()
    {
        var changed = RuleBook.Default.Sets[1] with
        {
            EffectiveFrom = new DateOnly(2027, 1, 1),
            Name = "Thử nghiệm",
            HelpPeriodMonths = RuleBook.Default.Sets[1].HelpPeriodMonths with { Value = 6 },
        };
        var book = new RuleBook([.. RuleBook.Default.Sets, changed]);
        Assert.Equal(12, book.InForceOn(new DateOnly(2026, 12, 31)).HelpPeriodMonths.Value);
        Assert.Equal(6, book.InForceOn(new DateOnly(2027, 1, 1)).HelpPeriodMonths.Value);
    }
}
