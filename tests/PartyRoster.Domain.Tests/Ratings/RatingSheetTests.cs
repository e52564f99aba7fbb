using PartyRoster.Domain.Ratings;

namespace PartyRoster.Domain.Tests.Ratings;

public class RatingSheetTests
{
    private static readonly RatingRuleSet Rules = RatingRuleBook.Default.ForYear(2025);
    private static readonly DateOnly Today = new(2026, 1, 10);
    private static readonly DateOnly Met = new(2025, 12, 20);

    private static RatingEntry Line(int memberId, int? score, RatingLevel? lowered = null, string? reason = null) =>
        new(memberId, score, lowered, reason, null);

    private static HashSet<int> Members(params int[] ids) => [.. ids];

    [Fact]
    public void Record_RatesEveryMemberByTheirScore()
    {
        var sheet = new RatingSheet(7, 2025);
        sheet.Record(Met, false, " 12-NQ/CB ", [Line(1, 95), Line(2, 75), Line(3, 55), Line(4, 80, RatingLevel.NotCompleted, "Vi phạm quy định nêu gương")],
            Members(1, 2, 3, 4), Rules, Today);

        Assert.Equal(Met, sheet.RatedOn);
        Assert.Equal("12-NQ/CB", sheet.Resolution);
        var levels = sheet.Ratings.ToDictionary(r => r.MemberId, r => r.Level);
        Assert.Equal(RatingLevel.Excellent, levels[1]);
        Assert.Equal(RatingLevel.Good, levels[2]);
        Assert.Equal(RatingLevel.Completed, levels[3]);
        Assert.Equal(RatingLevel.NotCompleted, levels[4]);
        Assert.All(sheet.Ratings, r => Assert.Equal((2025, 7), (r.Year, r.CellId)));
        Assert.True(sheet.Ratings.Single(r => r.MemberId == 4).IsLowered);
        // One excellent of one good: floor(20% × 1) = 0, so the cell's record keeps the warning.
        Assert.NotNull(sheet.QuotaWarning);
    }

    [Fact]
    public void Record_WithAMissingScore_ChangesNothing()
    {
        var sheet = new RatingSheet(7, 2025);
        var ex = Assert.Throws<DomainException>(() => sheet.Record(Met, false, null, [Line(1, 80), Line(2, null)], Members(1, 2, 3), Rules, Today));
        Assert.Equal("Còn 2 đảng viên chưa có điểm.", ex.Message);
        Assert.Empty(sheet.Ratings);
    }

    [Fact]
    public void Record_WithOneBadLine_SavesNoneOfTheGoodOnes()
    {
        var sheet = new RatingSheet(7, 2025);
        Assert.Throws<DomainException>(() => sheet.Record(Met, false, null, [Line(1, 80), Line(2, 101)], Members(1, 2), Rules, Today));
        Assert.Empty(sheet.Ratings);
        Assert.Equal(default, sheet.RatedOn);
    }

    [Fact]
    public void Record_ForSomeoneNotToBeRated_IsRefused()
    {
        var sheet = new RatingSheet(7, 2025);
        var ex = Assert.Throws<DomainException>(() => sheet.Record(Met, false, null, [Line(1, 80), Line(9, 80)], Members(1), Rules, Today));
        Assert.Contains("không thuộc diện đánh giá", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_InTheFutureOrBeforeTheYear_IsRefused()
    {
        var sheet = new RatingSheet(7, 2025);
        Assert.Throws<DomainException>(() => sheet.Record(Today.AddDays(1), false, null, [Line(1, 80)], Members(1), Rules, Today));
        Assert.Throws<DomainException>(() => sheet.Record(new DateOnly(2024, 12, 30), false, null, [Line(1, 80)], Members(1), Rules, Today));
        Assert.Throws<DomainException>(() => new RatingSheet(7, 2027).Record(Today, false, null, [Line(1, 80)], Members(1), Rules, Today));
    }

    [Fact]
    public void RecordAgain_CorrectsTheLinesAndKeepsThoseOfMembersWhoMovedAway()
    {
        var sheet = new RatingSheet(7, 2025);
        sheet.Record(Met, false, null, [Line(1, 95), Line(2, 75), Line(3, 72)], Members(1, 2, 3), Rules, Today);

        // Member 3 has since moved to another cell: the correction lists members 1 and 2 only.
        sheet.Record(Met.AddDays(1), true, null, [Line(1, 88), Line(2, 92)], Members(1, 2), Rules, Today);

        Assert.Equal(3, sheet.Ratings.Count);
        Assert.Equal(RatingLevel.Good, sheet.Ratings.Single(r => r.MemberId == 1).Level);
        Assert.Equal(RatingLevel.Excellent, sheet.Ratings.Single(r => r.MemberId == 2).Level);
        Assert.Equal(72, sheet.Ratings.Single(r => r.MemberId == 3).Score);
        Assert.True(sheet.OutstandingUnit);
    }

    [Fact]
    public void QuotaWarning_FollowsTheUnitsStatus()
    {
        var sheet = new RatingSheet(7, 2025);
        var lines = Enumerable.Range(1, 3).Select(i => Line(i, 95)).Concat(Enumerable.Range(4, 12).Select(i => Line(i, 80))).ToList();
        var all = lines.Select(l => l.MemberId).ToHashSet();

        sheet.Record(Met, false, null, lines, all, Rules, Today);
        Assert.Contains("vượt quá 20%", sheet.QuotaWarning, StringComparison.Ordinal);

        sheet.Record(Met, true, null, lines, all, Rules, Today);
        Assert.Null(sheet.QuotaWarning);
    }
}
