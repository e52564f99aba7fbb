using PartyRoster.Domain.Members;
using PartyRoster.Domain.Screening;
using static PartyRoster.Domain.Tests.Screening.ScreeningWorld;

namespace PartyRoster.Domain.Tests.Screening;

public sealed class ScreeningCasePropose
{
    [Fact]
    public void Propose_OpensAnEducationCaseWithOneStep()
    {
        var w = new ScreeningWorld();
        var c = w.Open(ScreeningTrack.Education);
        Assert.Equal(ScreeningStatus.Proposed, c.Status);
        Assert.Equal(ScreeningTrack.Education, c.Track);
        Assert.Equal(1, c.Cycle);
        Assert.Equal(CellId, c.CellId);
        Assert.Equal(w.Subject.Id, c.MemberId);
        Assert.Equal([ReasonCode.C1, ReasonCode.C4], c.Reasons);
        var step = Assert.Single(c.Steps);
        Assert.Null(step.FromStatus);
        Assert.Equal(ScreeningStatus.Proposed, step.ToStatus);
        Assert.Equal(Secretary, step.Actor);
    }

    [Fact]
    public void Propose_WithoutReasons_IsRefused()
    {
        var w = new ScreeningWorld();
        Assert.Throws<DomainException>(() => ScreeningCase.Propose(w.Subject, [], null, w.Step(Secretary)));
    }

    [Fact]
    public void Propose_ForAMemberOffTheRoll_IsRefused()
    {
        var w = new ScreeningWorld();
        w.Subject.RecordDeath(new DateOnly(2025, 1, 1), null);
        var ex = Assert.Throws<DomainException>(() => ScreeningCase.Propose(w.Subject, [ReasonCode.C1], null, w.Step(Secretary)));
        Assert.Contains("không còn trong danh sách", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Propose_ByTheInspectionCommittee_IsRefused()
    {
        var w = new ScreeningWorld();
        var ex = Assert.Throws<DomainException>(() => ScreeningCase.Propose(w.Subject, [ReasonCode.C1], null, w.Step(Inspector)));
        Assert.Contains("Vai trò 'Ủy ban Kiểm tra'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReasonCodes_HaveVietnameseDescriptions() =>
        Assert.All(Enum.GetValues<ReasonCode>(), r => Assert.NotEqual(r.ToString(), r.DisplayName()));
}

public sealed class ScreeningCaseListBallot
{
    [Theory]
    [InlineData(6, ScreeningStatus.Listed)]
    [InlineData(5, ScreeningStatus.Dropped)]
    public void ListBallot_OfNineMembers_NeedsSixVotes(int votesFor, ScreeningStatus expected)
    {
        var w = new ScreeningWorld();
        var c = w.Drive(ScreeningTrack.Education, ScreeningStatus.Directed);
        var tally = new BallotTally(9, 9, 9, votesFor, 9 - votesFor);
        c.RecordListBallot(tally, 9, Book, w.Step(Secretary, DocumentKind.BienBan));
        Assert.Equal(expected, c.Status);
        Assert.Equal(tally, c.Steps[^1].Tally);
    }

    [Fact]
    public void ListBallot_WhoseEligibleCountIsNotTheCellsOfficialNonExemptMembers_IsRefused()
    {
        var w = new ScreeningWorld();
        var c = w.Drive(ScreeningTrack.Education, ScreeningStatus.Directed);
        var ex = Assert.Throws<DomainException>(() => c.RecordListBallot(new BallotTally(10, 9, 9, 7, 2), 9, Book, w.Step(Secretary, DocumentKind.BienBan)));
        Assert.Contains("đảng viên chính thức không được miễn sinh hoạt", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ScreeningStatus.Directed, c.Status);
    }

    [Fact]
    public void ListBallot_WithoutMinutes_IsRefused()
    {
        var w = new ScreeningWorld();
        var c = w.Drive(ScreeningTrack.Education, ScreeningStatus.Directed);
        var ex = Assert.Throws<DomainException>(() => c.RecordListBallot(ListPass, 9, Book, w.Step(Secretary)));
        Assert.Contains("biên bản", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StrikingAnEntry_WithoutAReason_IsRefused()
    {
        var w = new ScreeningWorld();
        var c = w.Drive(ScreeningTrack.Education, ScreeningStatus.Proposed);
        Assert.Throws<DomainException>(() => c.Direct(false, w.Step(Committee)));
    }
}

public sealed class ScreeningCaseAssignHelper
{
    private static (ScreeningWorld, ScreeningCase) Listed()
    {
        var w = new ScreeningWorld();
        return (w, w.Drive(ScreeningTrack.Education, ScreeningStatus.Listed));
    }

    [Fact]
    public void Helper_StartsTwelveMonthsOfHelp()
    {
        var (w, c) = Listed();
        var helper = w.NewMember(official: true);
        c.AssignHelper(helper, false, Book, w.At(new DateOnly(2025, 9, 15), Secretary, DocumentKind.NghiQuyet));
        Assert.Equal(ScreeningStatus.UnderHelp, c.Status);
        Assert.Equal(helper.Id, c.HelperMemberId);
        Assert.Equal(new DateOnly(2025, 9, 15), c.HelpStartsOn);
        Assert.Equal(new DateOnly(2026, 9, 15), c.HelpEndsOn);
        Assert.Equal(new ScreeningDue("Kiểm điểm cuối kỳ", new DateOnly(2026, 9, 15), IsEarliest: true), c.DueOn);
    }

    [Fact]
    public void TheSubject_CannotBeTheirOwnHelper()
    {
        var (w, c) = Listed();
        var ex = Assert.Throws<DomainException>(() => c.AssignHelper(w.Subject, true, Book, w.Step(Secretary, DocumentKind.NghiQuyet)));
        Assert.Contains("không được là chính đảng viên được giúp đỡ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AProbationaryMemberOutsideTheCellCommittee_CannotHelp()
    {
        var (w, c) = Listed();
        var ex = Assert.Throws<DomainException>(() => c.AssignHelper(w.NewMember(official: false), false, Book, w.Step(Secretary, DocumentKind.NghiQuyet)));
        Assert.Contains("đảng viên chính thức hoặc chi ủy viên", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ScreeningStatus.Listed, c.Status);
    }

    [Fact]
    public void AProbationaryCellCommitteeMember_MayHelp()
    {
        var (w, c) = Listed();
        c.AssignHelper(w.NewMember(official: false), true, Book, w.Step(Secretary, DocumentKind.NghiQuyet));
        Assert.Equal(ScreeningStatus.UnderHelp, c.Status);
    }

    [Fact]
    public void AMemberOfAnotherCell_CannotHelp()
    {
        var (w, c) = Listed();
        var outsider = w.NewMember(official: true, ScreeningWorld.OtherCell());
        Assert.Throws<DomainException>(() => c.AssignHelper(outsider, false, Book, w.Step(Secretary, DocumentKind.NghiQuyet)));
    }

    [Fact]
    public void WithoutSelfCriticism_AHelperCannotBeAssigned_UntilTheChiUyHasAskedThreeTimes()
    {
        var w = new ScreeningWorld();
        var c = w.Drive(ScreeningTrack.Education, ScreeningStatus.Directed);
        c.RecordListBallot(ListPass, 9, Book, w.Step(Secretary, DocumentKind.BienBan));
        Assert.Throws<DomainException>(() => c.AssignHelper(w.NewMember(true), false, Book, w.Step(Secretary, DocumentKind.NghiQuyet)));

        var ex = Assert.Throws<DomainException>(() => c.RecordSelfCriticismRefused(2, Book, w.Step(Secretary)));
        Assert.Contains("ít nhất 3 lần", ex.Message, StringComparison.Ordinal);

        c.RecordSelfCriticismRefused(3, Book, w.Step(Secretary));
        c.AssignHelper(w.NewMember(true), false, Book, w.Step(Secretary, DocumentKind.NghiQuyet));
        Assert.Equal(ScreeningStatus.UnderHelp, c.Status);
    }

    [Fact]
    public void ReplacingTheHelper_KeepsTheHelpPeriod()
    {
        var w = new ScreeningWorld();
        var c = w.Drive(ScreeningTrack.Education, ScreeningStatus.UnderHelp);
        var end = c.HelpEndsOn;
        var next = w.NewMember(true);
        c.AssignHelper(next, false, Book, w.Step(Secretary, DocumentKind.NghiQuyet, days: 40));
        Assert.Equal(next.Id, c.HelperMemberId);
        Assert.Equal(end, c.HelpEndsOn);
    }

    [Fact]
    public void ProgressNotes_AreStepsThatDoNotChangeTheState()
    {
        var w = new ScreeningWorld();
        var c = w.Drive(ScreeningTrack.Education, ScreeningStatus.UnderHelp);
        c.AddProgressNote("Đã đóng đủ đảng phí quý III", w.Step(Secretary));
        Assert.Equal(ScreeningStatus.UnderHelp, c.Status);
        Assert.Equal(ScreeningAction.AddProgressNote, c.Steps[^1].Action);
        Assert.Equal("Đã đóng đủ đảng phí quý III", c.Steps[^1].Summary);
        Assert.Throws<DomainException>(() => c.AddProgressNote("  ", w.Step(Secretary)));
    }
}

public sealed class ScreeningCaseFinalReview
{
    [Fact]
    public void FinalReview_OneDayBeforeTheHelpPeriodEnds_IsRefused()
    {
        var w = new ScreeningWorld();
        var c = w.Drive(ScreeningTrack.Education, ScreeningStatus.UnderHelp);
        var end = c.HelpEndsOn!.Value;
        var ex = Assert.Throws<DomainException>(() =>
            c.RecordFinalReview("Đã sửa", "Tiến bộ", w.At(end.AddDays(-1), Secretary, DocumentKind.BanTuKiemDiem)));
        Assert.Contains($"từ ngày {end:dd/MM/yyyy}", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ScreeningStatus.UnderHelp, c.Status);
    }

    [Fact]
    public void FinalReview_OnTheDayTheHelpPeriodEnds_IsAllowed()
    {
        var w = new ScreeningWorld();
        var c = w.Drive(ScreeningTrack.Education, ScreeningStatus.UnderHelp);
        c.RecordFinalReview("Đã sửa", "Tiến bộ", w.At(c.HelpEndsOn!.Value, Secretary, DocumentKind.BanTuKiemDiem));
        Assert.Equal(ScreeningStatus.FinalReview, c.Status);
    }
}

public sealed class ScreeningCaseBallot
{
    private static (ScreeningWorld, ScreeningCase) AtFinalReview()
    {
        var w = new ScreeningWorld();
        return (w, w.Drive(ScreeningTrack.Education, ScreeningStatus.FinalReview));
    }

    [Theory]
    [InlineData(7, 3, ScreeningStatus.RemovalProposed)]
    [InlineData(6, 3, ScreeningStatus.Ballot)]
    [InlineData(3, 7, ScreeningStatus.ProgressRecognized)]
    [InlineData(3, 6, ScreeningStatus.Ballot)]
    public void Ballot_OfTenMembers_NeedsSevenVotesEitherWay(int removal, int keep, ScreeningStatus expected)
    {
        var (w, c) = AtFinalReview();
        c.RecordBallot(new BallotTally(10, 10, 10, removal, keep), 10, Book, w.Step(Secretary, DocumentKind.BienBan));
        Assert.Equal(expected, c.Status);
    }

    [Fact]
    public void ThreeInconclusiveRounds_GoToTheSuperiorCommittee()
    {
        var (w, c) = AtFinalReview();
        c.RecordBallot(Inconclusive, 9, Book, w.Step(Secretary, DocumentKind.BienBan));
        Assert.Equal((ScreeningStatus.Ballot, 1), (c.Status, c.InconclusiveBallotRounds));
        c.RecordBallot(Inconclusive, 9, Book, w.Step(Secretary, DocumentKind.BienBan));
        Assert.Equal((ScreeningStatus.Ballot, 2), (c.Status, c.InconclusiveBallotRounds));
        c.RecordBallot(Inconclusive, 9, Book, w.Step(Secretary, DocumentKind.BienBan));
        Assert.Equal((ScreeningStatus.Escalated, 3), (c.Status, c.InconclusiveBallotRounds));
        Assert.Equal(3, c.Steps.Count(s => s.Action == ScreeningAction.RecordBallot && s.Tally == Inconclusive));
    }

    [Fact]
    public void TheSuperiorCommittee_DecidesAnEscalatedCase()
    {
        var w = new ScreeningWorld();
        var c = w.Drive(ScreeningTrack.Education, ScreeningStatus.Escalated);
        c.ResolveEscalation(false, w.Step(Committee, DocumentKind.NghiQuyet));
        Assert.Equal(ScreeningStatus.ProgressRecognized, c.Status);
    }

    [Fact]
    public void DirectRemovalBallot_WithoutSelfCriticismOrThreeRequests_IsRefused()
    {
        var w = new ScreeningWorld();
        var c = w.Open(ScreeningTrack.DirectRemoval);
        var ex = Assert.Throws<DomainException>(() => c.RecordBallot(RemovePass, 9, Book, w.Step(Secretary, DocumentKind.BienBan)));
        Assert.Contains("tự kiểm điểm", ex.Message, StringComparison.Ordinal);
    }
}

public sealed class ScreeningCaseForward
{
    [Fact]
    public void ViaTheGrassrootsCommittee_NeedsTwoThirdsOfItsMembers()
    {
        var w = new ScreeningWorld();
        var c = w.Drive(ScreeningTrack.Education, ScreeningStatus.RemovalProposed);
        var ex = Assert.Throws<DomainException>(() => c.Forward(new BallotTally(15, 15, 15, 9, 6), true, Book, w.Step(Committee, DocumentKind.NghiQuyet)));
        Assert.Contains("chưa đủ tỷ lệ", ex.Message, StringComparison.Ordinal);
        c.Forward(new BallotTally(15, 15, 15, 10, 5), true, Book, w.Step(Committee, DocumentKind.NghiQuyet));
        Assert.Equal(ScreeningStatus.Forwarded, c.Status);
    }

    [Fact]
    public void ViaTheGrassrootsCommittee_WithoutItsTally_IsRefused()
    {
        var w = new ScreeningWorld();
        var c = w.Drive(ScreeningTrack.Education, ScreeningStatus.RemovalProposed);
        Assert.Throws<DomainException>(() => c.Forward(null, true, Book, w.Step(Committee, DocumentKind.NghiQuyet)));
    }

    [Fact]
    public void ACellSecretary_CannotActForTheGrassrootsCommittee()
    {
        var w = new ScreeningWorld();
        var c = w.Drive(ScreeningTrack.Education, ScreeningStatus.RemovalProposed);
        Assert.Throws<DomainException>(() => c.Forward(new BallotTally(15, 15, 15, 12, 3), true, Book, w.Step(Secretary, DocumentKind.NghiQuyet)));
    }
}

public sealed class ScreeningCaseDecide
{
    [Fact]
    public void RemovalDecision_TakesTheMemberOffTheRollInTheSameCall()
    {
        var w = new ScreeningWorld();
        var c = w.Drive(ScreeningTrack.Education, ScreeningStatus.Advised);
        var ctx = w.Step(Btv, DocumentKind.QuyetDinh);
        c.Decide(Disposition.RemoveFromRoll, w.Subject, StandingPass, Book, ctx);
        Assert.Equal(ScreeningStatus.RemovedFromRoll, c.Status);
        Assert.Equal(RollState.RemovedFromRoll, w.Subject.RollState);
        Assert.Equal(ctx.EffectiveOn, w.Subject.LeftOn);
        Assert.Equal(ctx.Document, c.Steps[^1].Document);
    }

    [Fact]
    public void Expulsion_OfAnOfficialMemberProposedWithTwoThirds_ExpelsThem()
    {
        var w = new ScreeningWorld();
        var c = w.Drive(ScreeningTrack.Education, ScreeningStatus.Advised);
        c.Decide(Disposition.Expel, w.Subject, StandingPass, Book, w.Step(Btv, DocumentKind.QuyetDinh));
        Assert.Equal(ScreeningStatus.Expelled, c.Status);
        Assert.Equal(RollState.Expelled, w.Subject.RollState);
    }

    [Fact]
    public void Expulsion_OfAProbationaryMember_IsRefused()
    {
        var w = new ScreeningWorld();
        var probationary = w.NewMember(official: false);
        var c = ScreeningCase.ProposeDirectRemoval(probationary, [DirectRemovalGround.FailedProbation], null, w.Step(Secretary));
        c.RecordSelfCriticism(w.Step(Secretary, DocumentKind.BanTuKiemDiem));
        c.RecordBallot(RemovePass, 9, Book, w.Step(Secretary, DocumentKind.BienBan));
        w.Do(ScreeningAction.Forward)(c);
        w.Do(ScreeningAction.RecordVerification)(c);
        w.Do(ScreeningAction.Advise)(c);

        var ex = Assert.Throws<DomainException>(() => c.Decide(Disposition.Expel, probationary, StandingPass, Book, w.Step(Btv, DocumentKind.QuyetDinh)));
        Assert.Contains("dự bị", ex.Message, StringComparison.Ordinal);
        Assert.Equal((ScreeningStatus.Advised, RollState.Active), (c.Status, probationary.RollState));

        c.Decide(Disposition.RemoveFromRoll, probationary, StandingPass, Book, w.Step(Btv, DocumentKind.QuyetDinh));
        Assert.Equal(RollState.RemovedFromRoll, probationary.RollState);
    }

    [Fact]
    public void Expulsion_AfterTheSuperiorResolvedInconclusiveBallots_IsRefused()
    {
        var w = new ScreeningWorld();
        var c = w.Drive(ScreeningTrack.Education, ScreeningStatus.Escalated);
        c.ResolveEscalation(true, w.Step(Committee, DocumentKind.NghiQuyet));
        w.Do(ScreeningAction.Forward)(c);
        w.Do(ScreeningAction.RecordVerification)(c);
        w.Do(ScreeningAction.Advise)(c);
        var ex = Assert.Throws<DomainException>(() => c.Decide(Disposition.Expel, w.Subject, StandingPass, Book, w.Step(Btv, DocumentKind.QuyetDinh)));
        Assert.Contains("≥ 2/3", ex.Message, StringComparison.Ordinal);
        Assert.False(c.ProposalMeetsExpulsionThreshold);
    }

    [Theory]
    [InlineData(5, false)]
    [InlineData(6, true)]
    public void StandingCommitteeOfTen_NeedsMoreThanHalf(int votesFor, bool decided)
    {
        var w = new ScreeningWorld();
        var c = w.Drive(ScreeningTrack.Education, ScreeningStatus.Advised);
        var tally = new BallotTally(10, 10, 10, votesFor, 10 - votesFor);
        void Act() => c.Decide(Disposition.RemoveFromRoll, w.Subject, tally, Book, w.Step(Btv, DocumentKind.QuyetDinh));
        if (decided)
        {
            Act();
            Assert.Equal(ScreeningStatus.RemovedFromRoll, c.Status);
        }
        else
        {
            Assert.Throws<DomainException>(Act);
            Assert.Equal((ScreeningStatus.Advised, RollState.Active), (c.Status, w.Subject.RollState));
        }
    }

    [Fact]
    public void ContinueHelp_StartsCycleTwoWithANewHelpPeriod()
    {
        var w = new ScreeningWorld();
        var c = w.Drive(ScreeningTrack.Education, ScreeningStatus.Advised);
        var helper = c.HelperMemberId;
        var on = w.Cursor.AddDays(3);
        c.Decide(Disposition.ContinueHelp, w.Subject, StandingPass, Book, w.At(on, Btv, DocumentKind.QuyetDinh));
        Assert.Equal(ScreeningStatus.UnderHelp, c.Status);
        Assert.Equal(2, c.Cycle);
        Assert.Equal(on, c.HelpStartsOn);
        Assert.Equal(on.AddMonths(12), c.HelpEndsOn);
        Assert.Equal(helper, c.HelperMemberId);
        Assert.Equal(0, c.InconclusiveBallotRounds);
        Assert.Equal(RollState.Active, w.Subject.RollState);
        Assert.Equal(2, c.Steps[^1].Cycle);
    }

    [Fact]
    public void Decision_WithoutADecisionDocument_IsRefused()
    {
        var w = new ScreeningWorld();
        var c = w.Drive(ScreeningTrack.Education, ScreeningStatus.Advised);
        Assert.Throws<DomainException>(() => c.Decide(Disposition.RemoveFromRoll, w.Subject, StandingPass, Book, w.Step(Btv)));
        var ex = Assert.Throws<DomainException>(() => c.Decide(Disposition.RemoveFromRoll, w.Subject, StandingPass, Book, w.Step(Btv, DocumentKind.ToTrinh)));
        Assert.Contains("phải là quyết định", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decision_ByACellSecretary_IsRefused()
    {
        var w = new ScreeningWorld();
        var c = w.Drive(ScreeningTrack.Education, ScreeningStatus.Advised);
        var ex = Assert.Throws<DomainException>(() => c.Decide(Disposition.RemoveFromRoll, w.Subject, StandingPass, Book, w.Step(Secretary, DocumentKind.QuyetDinh)));
        Assert.Contains("Vai trò 'Bí thư / chi ủy viên'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decision_ForAnotherMember_IsRefused()
    {
        var w = new ScreeningWorld();
        var c = w.Drive(ScreeningTrack.Education, ScreeningStatus.Advised);
        var other = w.NewMember(true);
        Assert.Throws<DomainException>(() => c.Decide(Disposition.RemoveFromRoll, other, StandingPass, Book, w.Step(Btv, DocumentKind.QuyetDinh)));
        Assert.Equal(RollState.Active, other.RollState);
    }
}

public sealed class ScreeningCaseAppeal
{
    private static (ScreeningWorld, ScreeningCase) Decided(ScreeningStatus status, DateOnly decisionDate)
    {
        var w = new ScreeningWorld(start: decisionDate.AddMonths(-15));
        var c = w.Drive(ScreeningTrack.Education, ScreeningStatus.Advised);
        var outcome = status == ScreeningStatus.Expelled ? Disposition.Expel : Disposition.RemoveFromRoll;
        c.Decide(outcome, w.Subject, StandingPass, Book, w.At(decisionDate, Btv, DocumentKind.QuyetDinh));
        return (w, c);
    }

    [Fact]
    public void RemovalAppeal_OnTheThirtiethWorkingDay_IsAccepted_AndTheAnswerIsDueInNinetyWorkingDays()
    {
        var (w, c) = Decided(ScreeningStatus.RemovedFromRoll, new DateOnly(2026, 10, 1));
        var received = new DateOnly(2026, 10, 5);
        var day30 = Days.AddWorkingDays(received, 30);
        Assert.Equal(new DateOnly(2026, 11, 16), day30);
        c.LodgeAppeal(received, Days, Book, w.At(day30, Dept, DocumentKind.Don));
        Assert.Equal(ScreeningStatus.Appealed, c.Status);
        Assert.Equal(Days.AddWorkingDays(day30, 90), c.AppealAnswerDueOn);
        Assert.Equal(new ScreeningDue("Trả lời khiếu nại", c.AppealAnswerDueOn), c.DueOn);
        Assert.Equal(RollState.RemovedFromRoll, w.Subject.RollState); // the decision applies while the appeal is pending
    }

    [Fact]
    public void RemovalAppeal_OnTheThirtyFirstWorkingDay_IsRefused()
    {
        var (w, c) = Decided(ScreeningStatus.RemovedFromRoll, new DateOnly(2026, 10, 1));
        var received = new DateOnly(2026, 10, 5);
        var ex = Assert.Throws<DomainException>(() =>
            c.LodgeAppeal(received, Days, Book, w.At(Days.AddWorkingDays(received, 31), Dept, DocumentKind.Don)));
        Assert.Contains("quá hạn", ex.Message, StringComparison.Ordinal);
        Assert.Contains("16/11/2026", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ScreeningStatus.RemovedFromRoll, c.Status);
    }

    [Fact]
    public void RemovalAppeal_ReceivedJustBeforeTet2026_GetsTheTetWeekAdded()
    {
        // Received Monday 02/02/2026; Tết holiday Mon 16/02 – Fri 20/02 does not count:
        // day 30 is Monday 23/03/2026 (it would be 16/03 without Tết).
        var (w, c) = Decided(ScreeningStatus.RemovedFromRoll, new DateOnly(2026, 1, 30));
        var received = new DateOnly(2026, 2, 2);
        var late = Assert.Throws<DomainException>(() =>
            c.LodgeAppeal(received, Days, Book, w.At(new DateOnly(2026, 3, 24), Dept, DocumentKind.Don)));
        Assert.Contains("23/03/2026", late.Message, StringComparison.Ordinal);

        c.LodgeAppeal(received, Days, Book, w.At(new DateOnly(2026, 3, 23), Dept, DocumentKind.Don));
        Assert.Equal(ScreeningStatus.Appealed, c.Status);
    }

    [Fact]
    public void ExpulsionAppeal_WithinOneCalendarMonth_IsAccepted()
    {
        var (w, c) = Decided(ScreeningStatus.Expelled, new DateOnly(2026, 3, 10));
        c.LodgeAppeal(new DateOnly(2026, 3, 12), Days, Book, w.At(new DateOnly(2026, 4, 12), Dept, DocumentKind.Don));
        Assert.Equal(ScreeningStatus.Appealed, c.Status);
    }

    [Fact]
    public void ExpulsionAppeal_OneDayAfterTheMonth_IsRefused()
    {
        var (w, c) = Decided(ScreeningStatus.Expelled, new DateOnly(2026, 3, 10));
        var ex = Assert.Throws<DomainException>(() =>
            c.LodgeAppeal(new DateOnly(2026, 3, 12), Days, Book, w.At(new DateOnly(2026, 4, 13), Dept, DocumentKind.Don)));
        Assert.Contains("1 tháng", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Appeal_WithAReceiptDateBeforeTheDecision_IsRefused()
    {
        var (w, c) = Decided(ScreeningStatus.RemovedFromRoll, new DateOnly(2026, 10, 1));
        Assert.Throws<DomainException>(() =>
            c.LodgeAppeal(new DateOnly(2026, 9, 30), Days, Book, w.At(new DateOnly(2026, 10, 5), Dept, DocumentKind.Don)));
    }

    [Fact]
    public void UpheldAppeal_ReinstatesTheMember()
    {
        var w = new ScreeningWorld();
        var c = w.Drive(ScreeningTrack.Education, ScreeningStatus.Appealed);
        c.ResolveAppeal(true, w.Subject, w.Step(Btv, DocumentKind.QuyetDinh));
        Assert.Equal(ScreeningStatus.Reinstated, c.Status);
        Assert.Equal(RollState.Active, w.Subject.RollState);
        Assert.Null(w.Subject.LeftOn);
    }

    [Fact]
    public void RejectedAppeal_ReturnsToTheDecidedStateAndTheMemberStaysOff()
    {
        var w = new ScreeningWorld();
        var c = w.Drive(ScreeningTrack.Education, ScreeningStatus.Appealed);
        c.ResolveAppeal(false, w.Subject, w.Step(Btv, DocumentKind.KetLuan));
        Assert.Equal(ScreeningStatus.RemovedFromRoll, c.Status);
        Assert.Equal(RollState.RemovedFromRoll, w.Subject.RollState);
    }
}

public sealed class ScreeningCaseWithdraw
{
    public static TheoryData<ScreeningTrack, ScreeningStatus> OpenStates()
    {
        var data = new TheoryData<ScreeningTrack, ScreeningStatus>();
        foreach (var (track, states) in ScreeningTransitionTableTests.Expected)
            foreach (var state in states.Keys.Where(s => s.IsOpen()))
                data.Add(track, state);
        return data;
    }

    [Theory]
    [MemberData(nameof(OpenStates))]
    public void AnyOpenCase_CanBeWithdrawnWithAReason(ScreeningTrack track, ScreeningStatus state)
    {
        var w = new ScreeningWorld();
        var c = w.Drive(track, state);
        c.Withdraw("Đảng viên từ trần", w.Step(Dept));
        Assert.Equal(ScreeningStatus.Withdrawn, c.Status);
        Assert.Equal(state, c.Steps[^1].FromStatus);
        Assert.Equal("Lý do: Đảng viên từ trần", c.Steps[^1].Summary);
    }

    [Fact]
    public void Withdrawing_WithoutAReason_IsRefused()
    {
        var w = new ScreeningWorld();
        var c = w.Drive(ScreeningTrack.Education, ScreeningStatus.UnderHelp);
        Assert.Throws<DomainException>(() => c.Withdraw(" ", w.Step(Dept)));
    }

    [Fact]
    public void ADecidedCase_CannotBeWithdrawn()
    {
        var w = new ScreeningWorld();
        var c = w.Drive(ScreeningTrack.Education, ScreeningStatus.RemovedFromRoll);
        var ex = Assert.Throws<DomainException>(() => c.Withdraw("Trùng hồ sơ", w.Step(Dept)));
        Assert.Equal("Không thể 'Rút hồ sơ' khi hồ sơ đang ở trạng thái 'Đã xóa tên'. Bước này chỉ thực hiện được khi hồ sơ ở trạng thái "
            + "'Đã đề xuất', 'Cấp trên đã chỉ đạo', 'Đã vào danh sách giúp đỡ', 'Đang giúp đỡ', 'Đã kiểm điểm cuối kỳ', 'Biểu quyết chưa đạt tỷ lệ', "
            + "'Chờ cấp trên quyết định', 'Chi bộ đề nghị đưa ra khỏi Đảng', 'Đã chuyển cấp trên', 'Đã thẩm tra', 'Đã có tờ trình của Ban Tổ chức'.", ex.Message);
    }
}

public sealed class ScreeningCaseStepDates
{
    [Fact]
    public void AnEffectiveDateBeforeThePreviousStep_IsRefused()
    {
        var w = new ScreeningWorld();
        var c = w.Drive(ScreeningTrack.Education, ScreeningStatus.Proposed);
        var previous = c.Steps[^1].EffectiveOn;
        var ex = Assert.Throws<DomainException>(() => c.Direct(true, w.At(previous.AddDays(-1), Committee)));
        Assert.Contains($"không được trước ngày của bước trước ({previous:dd/MM/yyyy})", ex.Message, StringComparison.Ordinal);
        c.Direct(true, w.At(previous, Committee));
        Assert.Equal(ScreeningStatus.Directed, c.Status);
    }

    [Fact]
    public void AnEffectiveDateAfterTheDayItIsRecorded_IsRefused()
    {
        var w = new ScreeningWorld();
        var c = w.Drive(ScreeningTrack.Education, ScreeningStatus.Proposed);
        var recordedAt = new DateTime(2025, 9, 1, 16, 59, 0, DateTimeKind.Utc); // 23:59 on 01/09 in Hà Nội
        Assert.Throws<DomainException>(() => c.Direct(true, new StepContext(Committee, new DateOnly(2025, 9, 2), recordedAt)));
        c.Direct(true, new StepContext(Committee, new DateOnly(2025, 9, 2), recordedAt.AddMinutes(1)));
        Assert.Equal(ScreeningStatus.Directed, c.Status);
    }

    [Fact]
    public void TheTimestamp_ComesFromTheTimeProvider()
    {
        var w = new ScreeningWorld();
        var clock = new FixedClock(new DateTimeOffset(2025, 9, 3, 2, 30, 0, TimeSpan.Zero));
        var c = w.Drive(ScreeningTrack.Education, ScreeningStatus.Proposed);
        c.Direct(true, StepContext.Now(clock, Committee, new DateOnly(2025, 9, 3)));
        Assert.Equal(new DateTime(2025, 9, 3, 2, 30, 0, DateTimeKind.Utc), c.Steps[^1].RecordedAtUtc);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

public sealed class ScreeningCaseHistory
{
    [Fact]
    public void EveryTransition_AppendsANumberedStepWithFromToActorAndTally()
    {
        var w = new ScreeningWorld();
        var c = w.Drive(ScreeningTrack.Education, ScreeningStatus.Reinstated);
        Assert.Equal(Enumerable.Range(1, c.Steps.Count), c.Steps.Select(s => s.Sequence));
        for (var i = 1; i < c.Steps.Count; i++)
        {
            Assert.Equal(c.Steps[i - 1].ToStatus, c.Steps[i].FromStatus);
            Assert.True(c.Steps[i].EffectiveOn >= c.Steps[i - 1].EffectiveOn);
        }
        Assert.All(c.Steps.Where(s => s.Action is ScreeningAction.RecordListBallot or ScreeningAction.RecordBallot or ScreeningAction.Decide),
            s => Assert.NotNull(s.Tally));
        var decision = c.Steps.Single(s => s.Action == ScreeningAction.Decide);
        Assert.Equal(Btv, decision.Actor);
        Assert.Equal(DocumentKind.QuyetDinh, decision.Document!.Kind);
        Assert.Contains("căn cứ: Quy định thi hành Điều lệ Đảng 294-QĐ/TW", decision.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void ABallotBeforeJuly2025_CitesTheOldRules()
    {
        var w = new ScreeningWorld(start: new DateOnly(2024, 3, 1));
        var c = w.Drive(ScreeningTrack.Education, ScreeningStatus.Advised);
        c.Decide(Disposition.RemoveFromRoll, w.Subject, StandingPass, Book, w.At(new DateOnly(2025, 6, 30), Btv, DocumentKind.QuyetDinh));
        Assert.Contains("24-QĐ/TW", c.Steps[^1].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void VersionBumps_AreExplicit()
    {
        var c = new ScreeningWorld().Open(ScreeningTrack.Education);
        c.BumpVersion();
        Assert.Equal(1, c.Version);
    }
}

public sealed class ScreeningCaseOtherTracks
{
    [Fact]
    public void DirectRemoval_GoesFromTheCellBallotStraightToRemovalProposed()
    {
        var w = new ScreeningWorld();
        var c = w.Open(ScreeningTrack.DirectRemoval);
        Assert.Equal([DirectRemovalGround.MissedMeetings], c.Grounds);
        c.RecordSelfCriticismRefused(3, Book, w.Step(Secretary));
        c.RecordBallot(RemovePass, 9, Book, w.Step(Secretary, DocumentKind.BienBan));
        Assert.Equal(ScreeningStatus.RemovalProposed, c.Status);
        Assert.Null(c.HelpStartsOn);
    }

    [Fact]
    public void DirectRemoval_NotProposedByTheCell_IsDropped()
    {
        var w = new ScreeningWorld();
        var c = w.Drive(ScreeningTrack.DirectRemoval, ScreeningStatus.Proposed);
        c.RecordBallot(KeepPass, 9, Book, w.Step(Secretary, DocumentKind.BienBan));
        Assert.Equal(ScreeningStatus.Dropped, c.Status);
    }

    [Fact]
    public void FailedProbationGround_IsOnlyForProbationaryMembers()
    {
        var w = new ScreeningWorld();
        Assert.Throws<DomainException>(() =>
            ScreeningCase.ProposeDirectRemoval(w.Subject, [DirectRemovalGround.FailedProbation], null, w.Step(Secretary)));
    }

    [Fact]
    public void VoluntaryWithdrawal_Decided_TakesTheMemberOffTheRoll()
    {
        var w = new ScreeningWorld();
        var c = w.Drive(ScreeningTrack.VoluntaryWithdrawal, ScreeningStatus.Withdrew);
        Assert.Equal(RollState.Withdrew, w.Subject.RollState);
        Assert.True(c.Status.IsTerminal());
    }

    [Fact]
    public void VoluntaryWithdrawal_NeedsTheMembersLetter()
    {
        var w = new ScreeningWorld();
        var ex = Assert.Throws<DomainException>(() => ScreeningCase.RequestWithdrawal(w.Subject, w.Step(Secretary)));
        Assert.Contains("đơn", ex.Message, StringComparison.Ordinal);
    }
}
