using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Exemptions;
using PartyRoster.Domain.Inspection;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;
using PartyRoster.Domain.Ratings;
using PartyRoster.Domain.Screening;

namespace PartyRoster.Web.Data.Seed;

/// <summary>
/// Demo exemptions and two years of annual ratings (issue #4, points 3 and 5). Every exempt demo member gets the
/// cell's resolution (age, illness or working away; some temporary ones overdue), a few active members have an
/// exemption they returned from, and every cell rates its eligible members for last year and the year before:
/// about 15 % "xuất sắc" within the quota, 70 % "tốt", 12 % "hoàn thành", 1–2 % "không hoàn thành", with a
/// dozen or so members "không hoàn thành" in both years (the C1 signal) and a few cells over the quota.
/// </summary>
/// <remarks>
/// Exemptions and sheets are built by the domain (<see cref="Exemption.Grant"/>, <see cref="RatingSheet.Record"/>),
/// so rules and quota warnings are the real ones; eligibility is <see cref="RatingEligibility"/>. Rows are written
/// with <see cref="BulkWriter{T}"/> (≈ 17,000 rows in well under a second) and are not audited one by one, like the
/// members. Deterministic for a given seed and day.
/// </remarks>
internal sealed class DemoRatings
{
    /// <summary>The demo secretary's cell (bithu@) rates last year over the quota, so the warning shows at once.</summary>
    private const string OverQuotaDemoCell = "DB.26";
    private const int BothYearsNotCompleted = 14;

    private static readonly string[] LoweringReasons =
    [
        "Bị kỷ luật khiển trách trong năm",
        "Vi phạm quy định về trách nhiệm nêu gương",
        "Không thực hiện nhiệm vụ chi bộ phân công",
        "Vi phạm những điều đảng viên không được làm",
    ];

    private static readonly string[] WorkingAwayNotes =
    [
        "Đi làm việc tại Hàn Quốc theo hợp đồng lao động",
        "Đi làm ăn tại Thành phố Hồ Chí Minh",
        "Đi làm việc tại Nhật Bản theo chương trình thực tập sinh",
        "Đi làm ăn tại tỉnh Bình Dương, không có điều kiện sinh hoạt",
    ];

    private readonly PartyRosterDbContext _db;
    private readonly Random _rng;
    private readonly DateOnly _today;
    private readonly RatingRuleBook _book = RatingRuleBook.Default;

    private DemoRatings(PartyRosterDbContext db, DateOnly today, int seed)
    {
        _db = db;
        _today = today;
        // Its own stream: adding these must not change what the other seeds generate.
        _rng = new Random(unchecked(seed * 31 + 9));
    }

    public static async Task SeedAsync(PartyRosterDbContext db, DateOnly today, int seed, CancellationToken ct)
    {
        var demo = new DemoRatings(db, today, seed);
        var exemptions = await demo.ExemptionsAsync(ct);
        var sheets = await demo.SheetsAsync(exemptions, ct);

        await using var exemptionWriter = BulkWriter<Exemption>.Create(db);
        foreach (var e in exemptions) await exemptionWriter.InsertAsync(e, ct);
        await using var sheetWriter = BulkWriter<RatingSheet>.Create(db);
        await using var ratingWriter = BulkWriter<AnnualRating>.Create(db);
        foreach (var sheet in sheets)
        {
            await sheetWriter.InsertAsync(sheet, ct);
            foreach (var rating in sheet.Ratings) await ratingWriter.InsertAsync(rating, ct);
        }
    }

    // ---------------------------------------------------------------- exemptions

    /// <summary>The resolution of every member exempt in the demo, and some returns from earlier exemptions.</summary>
    private async Task<List<Exemption>> ExemptionsAsync(CancellationToken ct)
    {
        var exempt = await _db.Members.AsNoTracking()
            .Where(m => m.RollState == RollState.ExemptFromActivities).OrderBy(m => m.Id).ToListAsync(ct);
        var list = exempt.ConvertAll(m => Grant(m, MemberRules.AgeOn(m.DateOfBirth, _today)));

        // About one active member of working age in two hundred went away and came back.
        var returners = await _db.Members.AsNoTracking()
            .Where(m => m.RollState == RollState.Active && m.AdmissionCeremonyDate < _today.AddYears(-4) && m.DateOfBirth > _today.AddYears(-55))
            .OrderBy(m => m.Id).ToListAsync(ct);
        foreach (var m in returners.Where(_ => _rng.NextDouble() < 0.005))
        {
            var starts = DemoPlan.RandomDate(_rng, _today.AddYears(-4), _today.AddYears(-1));
            var ends = starts.AddMonths(_rng.Next(6, 19));
            var e = Exemption.Grant(m, null, ExemptionGround.WorkingAway, starts, ends, Resolution(), starts.AddDays(-_rng.Next(0, 8)),
                WorkingAwayNotes[_rng.Next(WorkingAwayNotes.Length)], _today);
            var back = ends.AddDays(_rng.Next(-20, 40));
            e.Return(m, back > _today ? _today : back, "Đã trở về địa phương, xin trở lại sinh hoạt", _today);
            list.Add(e);
        }
        return list;
    }

    private Exemption Grant(Member m, int age)
    {
        var ground = age >= 75 ? ExemptionGround.Age
            : age < 60 ? (_rng.NextDouble() < 0.7 ? ExemptionGround.WorkingAway : ExemptionGround.Illness)
            : (_rng.NextDouble() < 0.5 ? ExemptionGround.Age : ExemptionGround.Illness);
        var latest = _today.AddDays(-20);
        var earliest = Max(m.AdmissionCeremonyDate.AddYears(1), _today.AddYears(ground == ExemptionGround.WorkingAway ? -2 : -8));
        var starts = DemoPlan.RandomDate(_rng, earliest < latest ? earliest : latest, latest);
        DateOnly? ends = ground switch
        {
            // One temporary exemption in five ran past its end without the return being recorded: "quá hạn".
            ExemptionGround.WorkingAway => Max(starts.AddMonths(3), _rng.NextDouble() < 0.2
                ? _today.AddDays(-_rng.Next(5, 120))
                : _today.AddDays(_rng.Next(30, 540))),
            ExemptionGround.Illness when _rng.NextDouble() < 0.3 => Max(starts.AddMonths(12), _today.AddDays(30)),
            _ => null,
        };
        var note = ground switch
        {
            ExemptionGround.Age => "Đảng viên tuổi cao, có đơn xin miễn công tác và sinh hoạt đảng",
            ExemptionGround.Illness => "Sức khỏe yếu, điều trị dài ngày; có đơn và xác nhận của cơ sở y tế",
            _ => WorkingAwayNotes[_rng.Next(WorkingAwayNotes.Length)],
        };
        return Exemption.Grant(m, null, ground, starts, ends, Resolution(), starts.AddDays(-_rng.Next(0, 8)), note, _today);
    }

    private string Resolution() => $"{_rng.Next(1, 40)}-NQ/CB";

    // ---------------------------------------------------------------- ratings

    private sealed record Candidate(int Id, int CellId, RollState RollState, DateOnly AdmittedOn);

    private async Task<List<RatingSheet>> SheetsAsync(List<Exemption> exemptions, CancellationToken ct)
    {
        var cells = await _db.Organizations.AsNoTracking()
            .Where(o => (o.Kind == OrganizationKind.Cell || o.Kind == OrganizationKind.GrassrootsCell) && o.Status == OrganizationStatus.Active)
            .OrderBy(o => o.Id).Select(o => new { o.Id, o.Code }).ToListAsync(ct);
        var members = await _db.Members.AsNoTracking()
            .Where(m => MemberEnumNames.OnRollStates.Contains(m.RollState))
            .OrderBy(m => m.Id).Select(m => new Candidate(m.Id, m.OrganizationId, m.RollState, m.AdmissionCeremonyDate)).ToListAsync(ct);
        var suspensions = (await _db.MemberProceedings.AsNoTracking().Where(p => p.Kind == ProceedingKind.Suspension)
            .Select(p => new { p.MemberId, p.OpenedOn, p.ClosedOn }).ToListAsync(ct)).ToLookup(p => p.MemberId, p => new DatePeriod(p.OpenedOn, p.ClosedOn));
        var periods = exemptions.ToLookup(e => e.MemberId, e => e.Period);

        int[] years = [_today.Year - 2, _today.Year - 1];
        var eligible = years.ToDictionary(y => y, y =>
        {
            var rules = _book.ForYear(y);
            var reference = RatingRuleBook.ReferenceDate(y);
            return members.Where(m => RatingEligibility.Check(
                new RatingCandidate(m.RollState, m.AdmittedOn, [.. periods[m.Id]], [.. suspensions[m.Id]]), reference, rules) is null)
                .ToLookup(m => m.CellId, m => m.Id);
        });

        // Members "không hoàn thành" in both years: the subjects of C1 cases still on the roll first, then others.
        var ratedBoth = eligible[years[0]].SelectMany(g => g).Intersect(eligible[years[1]].SelectMany(g => g)).ToHashSet();
        var c1 = (await _db.ScreeningCases.AsNoTracking().IgnoreAutoIncludes().ToListAsync(ct))
            .Where(c => c.Reasons.Contains(ReasonCode.C1) && ratedBoth.Contains(c.MemberId)).Select(c => c.MemberId);
        var pool = ratedBoth.Order().ToList();
        var twice = c1.Concat(Enumerable.Range(0, pool.Count == 0 ? 0 : BothYearsNotCompleted * 3).Select(_ => pool[_rng.Next(pool.Count)]))
            .Distinct().Take(BothYearsNotCompleted).ToHashSet();

        var sheets = new List<RatingSheet>();
        foreach (var year in years)
        {
            var rules = _book.ForYear(year);
            var cellsWithMembers = cells.Where(c => eligible[year][c.Id].Any()).ToList();
            // A couple of cells go over the quota on purpose (and the demo secretary's cell, last year).
            var overQuota = cellsWithMembers.Where(c => eligible[year][c.Id].Count() >= 8).OrderBy(_ => _rng.Next()).Take(2).Select(c => c.Id).ToHashSet();
            if (year == years[1]) overQuota.UnionWith(cellsWithMembers.Where(c => c.Code == OverQuotaDemoCell).Select(c => c.Id));
            foreach (var cell in cellsWithMembers)
            {
                sheets.Add(Sheet(cell.Id, year, [.. eligible[year][cell.Id]], twice, overQuota.Contains(cell.Id), rules));
            }
        }
        return sheets;
    }

    private RatingSheet Sheet(int cellId, int year, List<int> toRate, HashSet<int> twice, bool overQuota, RatingRuleSet rules)
    {
        var outstanding = _rng.NextDouble() < 0.15;
        var levels = toRate.ToDictionary(id => id, id => twice.Contains(id) ? RatingLevel.NotCompleted : _rng.NextDouble() switch
        {
            < 0.15 => RatingLevel.Excellent,
            < 0.85 => RatingLevel.Good,
            < 0.985 => RatingLevel.Completed,
            _ => RatingLevel.NotCompleted,
        });
        int Count(RatingLevel l) => levels.Values.Count(v => v == l);
        int Allowed() => QuotaCheck.For(0, Count(RatingLevel.Good), outstanding, rules).Maximum;
        // Within the quota: the surplus of "xuất sắc" is rated "tốt"; over it on purpose: one or two more than allowed.
        foreach (var id in toRate.Where(id => levels[id] == RatingLevel.Excellent).Reverse())
        {
            if (overQuota || Count(RatingLevel.Excellent) <= Allowed()) break;
            levels[id] = RatingLevel.Good;
        }
        var goods = toRate.Where(id => levels[id] == RatingLevel.Good).ToList();
        for (var i = 0; overQuota && Count(RatingLevel.Excellent) <= Allowed() && i < goods.Count; i++) levels[goods[i]] = RatingLevel.Excellent;

        var entries = toRate.Select(id => Entry(id, levels[id], rules)).ToList();
        var sheet = new RatingSheet(cellId, year);
        sheet.Record(new DateOnly(year, 12, _rng.Next(8, 29)), outstanding, $"{_rng.Next(20, 60)}-NQ/CB", entries, toRate.ToHashSet(), rules, _today);
        return sheet;
    }

    /// <summary>A score in the level's band; a third of "không hoàn thành" are scored higher and lowered for a listed case.</summary>
    private RatingEntry Entry(int memberId, RatingLevel level, RatingRuleSet rules)
    {
        int Between(int from, int toExclusive) => _rng.Next(from, toExclusive);
        var excellent = rules.ExcellentMinimumScore.Value;
        var good = rules.GoodMinimumScore.Value;
        var completed = rules.CompletedMinimumScore.Value;
        return level switch
        {
            RatingLevel.Excellent => new(memberId, Between(excellent, Math.Min(excellent + 9, rules.MaximumScore.Value + 1)), null, null, null),
            RatingLevel.Good => new(memberId, Between(Math.Max(good, excellent - 15), excellent), null, null, null),
            RatingLevel.Completed => new(memberId, Between(completed + 3, good), null, null, null),
            _ when _rng.NextDouble() < 0.33 => new(memberId, Between(completed, good + 5), RatingLevel.NotCompleted,
                LoweringReasons[_rng.Next(LoweringReasons.Length)], null),
            _ => new(memberId, Between(completed - 15, completed), null, null, "Không hoàn thành nhiệm vụ được giao trong năm"),
        };
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
