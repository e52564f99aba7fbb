using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Dues;
using PartyRoster.Domain.Members;

namespace PartyRoster.Web.Data.Seed;

/// <summary>
/// Demo dues (issue #4 point 2): a basis for every member on the roll and a year of payments.
/// </summary>
/// <remarks>
/// Bases: mostly insured salaries of 5–20 million đ; pensioners (retired members and those over 62); a few
/// students and "other" members (whose amount rises with QĐ 01 from 02/2026); a few exemptions on
/// application and reductions; members with 50 years of party age are exempt by the rule itself.
/// Payments: the last twelve ended months and, for most, the current month; some late, a few ahead, a few
/// over the amount owed. About 6 % miss one or two months; about twenty members (two in each demo
/// secretary's cell) miss three or four months of this calendar year, so the "3 months unpaid in a year"
/// signal has cases (from April on: earlier in the year fewer than three months have ended).
/// Deterministic for a seed and a day; built through the domain's constructors and written with
/// <see cref="BulkWriter{T}"/> (no per-row audit, like the members).
/// </remarks>
internal sealed class DemoDues
{
    private const int SignalMembersElsewhere = 16;
    private const int SignalMembersPerDemoCell = 2;

    private static readonly HashSet<string> Retired = new(StringComparer.Ordinal) { "Hưu trí", "Cựu chiến binh" };
    private static readonly HashSet<string> SelfEmployed = new(StringComparer.Ordinal) { "Kinh doanh", "Lao động tự do", "Nông dân" };

    private readonly Random _rng;
    private readonly DateOnly _today;
    private readonly DateOnly _thisMonth;
    private readonly DateOnly _start;
    private readonly DuesRateBook _rates = DuesRateBook.Default;
    private readonly List<DuesBasis> _bases = [];
    private readonly List<DuesPayment> _payments = [];

    private sealed record Candidate(int Id, int CellId, DateOnly AdmissionDecisionDate, Standing Standing, DateOnly DateOfBirth, string? Occupation);

    private DemoDues(DateOnly today, int seed)
    {
        _today = today;
        _thisMonth = DuesCalendar.Of(today);
        _start = _thisMonth.AddMonths(-DuesLedger.ArrearsWindowMonths);
        // Its own stream: adding dues must not change what the other demo parts generate.
        _rng = new Random(unchecked(seed * 31 + 9));
    }

    /// <summary>Creates the bases and payments; returns how many of each were written.</summary>
    public static async Task<(int Bases, int Payments)> SeedAsync(PartyRosterDbContext db, DateOnly today, int seed, CancellationToken ct)
    {
        var demo = new DemoDues(today, seed);
        var members = await db.Members.AsNoTracking()
            .Where(m => MemberEnumNames.OnRollStates.Contains(m.RollState))
            .OrderBy(m => m.Id)
            .Select(m => new Candidate(m.Id, m.OrganizationId, m.AdmissionDecisionDate, m.Standing, m.DateOfBirth, m.Occupation))
            .ToListAsync(ct);
        var secretaryCodes = DemoSeeder.Accounts.Where(a => a.Role == Role.CellSecretary).Select(a => a.OrganizationCode).ToList();
        var demoCells = await db.Organizations.AsNoTracking().Where(o => secretaryCodes.Contains(o.Code!)).Select(o => o.Id).ToListAsync(ct);

        var signal = demo.PickSignalMembers(members, demoCells);
        foreach (var m in members) demo.Build(m, signal.Contains(m.Id));
        await BulkWriter<DuesBasis>.InsertAllAsync(db, demo._bases, ct);
        await BulkWriter<DuesPayment>.InsertAllAsync(db, demo._payments, ct);
        return (demo._bases.Count, demo._payments.Count);
    }

    /// <summary>Members who will miss three or four months this year; none near 50 years of party age (they may be exempt).</summary>
    private HashSet<int> PickSignalMembers(List<Candidate> members, List<int> demoCells)
    {
        var pool = members.Where(m => m.AdmissionDecisionDate > _today.AddYears(-45)).ToList();
        var picked = new HashSet<int>();
        foreach (var cell in demoCells)
        {
            foreach (var m in pool.Where(m => m.CellId == cell).Skip(1).Take(SignalMembersPerDemoCell)) picked.Add(m.Id);
        }
        var target = picked.Count + SignalMembersElsewhere;
        while (picked.Count < Math.Min(target, pool.Count)) picked.Add(pool[_rng.Next(pool.Count)].Id);
        return picked;
    }

    private void Build(Candidate c, bool signal)
    {
        var member = new DuesMember(c.Id, c.AdmissionDecisionDate, c.Standing == Standing.Official);
        var from = member.FirstMonth > _start ? member.FirstMonth : _start;
        var bases = new List<DuesBasis>();
        void Declare(DateOnly month, DuesBasisKind kind, long? amount = null, DuesExemptionGround? ground = null, int? relief = null, DateOnly? until = null, string? note = null)
        {
            if (bases.Exists(b => b.EffectiveFrom == month)) return;
            bases.Add(new DuesBasis(member, new DuesBasisTerms(month, kind, amount, ground, relief, until, note), _rates, _today));
        }
        DateOnly Later() => from.AddMonths(_rng.Next(1, Math.Max(2, DuesCalendar.MonthsBetween(from, _thisMonth) + 1)));

        var age = MemberRules.AgeOn(c.DateOfBirth, _today);
        if (c.Occupation is { } job && Retired.Contains(job) || age >= 62)
        {
            Declare(from, DuesBasisKind.Pension, Round(3_500_000 + 8_500_000 * _rng.NextDouble(), 10_000));
        }
        else if (age <= 24 && _rng.NextDouble() < 0.5)
        {
            Declare(from, DuesBasisKind.Student);
        }
        else if (c.Occupation is null || SelfEmployed.Contains(c.Occupation))
        {
            // The cell's amount for "other" members: 5.000 đ under QĐ 342, 0,3% of region I's minimum wage under QĐ 01.
            if (from < DuesRateBook.Change2026) Declare(from, DuesBasisKind.OtherFixed, 5_000);
            Declare(from < DuesRateBook.Change2026 ? DuesRateBook.Change2026 : from, DuesBasisKind.OtherFixed, 15_900);
        }
        else
        {
            var salary = Round(5_000_000 + 15_000_000 * Math.Pow(_rng.NextDouble(), 1.5), 10_000);
            Declare(from, DuesBasisKind.InsuredSalary, salary);
            if (_rng.NextDouble() < 0.15) Declare(Later(), DuesBasisKind.InsuredSalary, Round(salary * 1.08, 10_000), note: "Nâng bậc lương");
        }

        var x = _rng.NextDouble();
        if (x < 0.006)
        {
            var ground = _rng.NextDouble() < 0.5 ? DuesExemptionGround.PoorHousehold : DuesExemptionGround.SeriousIllness;
            Declare(Later(), DuesBasisKind.Exempt, ground: ground, note: "Có đơn đề nghị, chi bộ đã xét");
        }
        else if (x < 0.010 && bases[^1] is { Kind: not DuesBasisKind.Exempt } last)
        {
            var start = Later();
            Declare(start, last.Kind, last.BaseAmount, relief: 50, until: start.AddMonths(5), note: "Hoàn cảnh khó khăn, có đơn đề nghị");
        }
        _bases.AddRange(bases);

        Pay(member, c.CellId, bases, Missed(member, bases, signal));
    }

    /// <summary>The ended months this member does not pay.</summary>
    private HashSet<DateOnly> Missed(DuesMember member, List<DuesBasis> bases, bool signal)
    {
        var owed = DuesCalendar.Range(_start, _thisMonth.AddMonths(-1)).Where(m => DuesLedger.Due(member, bases, m, _rates).IsOwed).ToList();
        var missed = new HashSet<DateOnly>();
        if (signal)
        {
            var thisYear = owed.Where(m => m.Year == _today.Year).ToList();
            var count = Math.Min(thisYear.Count, _rng.Next(3, 5));
            while (missed.Count < count) missed.Add(thisYear[_rng.Next(thisYear.Count)]);
        }
        else if (owed.Count > 0 && _rng.NextDouble() < 0.06)
        {
            var count = _rng.Next(1, 3);
            while (missed.Count < Math.Min(count, owed.Count)) missed.Add(owed[_rng.Next(owed.Count)]);
        }
        return missed;
    }

    private void Pay(DuesMember member, int cellId, List<DuesBasis> bases, HashSet<DateOnly> missed)
    {
        var months = DuesCalendar.Range(_start, _thisMonth).ToList();
        // A few pay next month ahead along with this one.
        if (_rng.NextDouble() < 0.015) months.Add(_thisMonth.AddMonths(1));
        var paysThisMonth = _rng.NextDouble() < 0.3 + 0.6 * _today.Day / 31.0;
        foreach (var month in months)
        {
            var due = DuesLedger.Due(member, bases, month, _rates);
            if (!due.IsOwed || missed.Contains(month)) continue;
            DateOnly paidOn;
            if (month >= _thisMonth)
            {
                if (!paysThisMonth) continue;
                paidOn = DemoPlanDate(_thisMonth, _today);
            }
            else if (_rng.NextDouble() < 0.08)
            {
                var next = month.AddMonths(1);
                paidOn = DemoPlanDate(next, Min(next.AddDays(19), _today));
            }
            else
            {
                paidOn = DemoPlanDate(month, month.AddDays(27));
            }
            // Some members round their dues up of their own will.
            var amount = _rng.NextDouble() < 0.03 ? (due.Amount / 10_000 + 1) * 10_000 : due.Amount;
            _payments.Add(new DuesPayment(member, cellId, bases, month, amount, paidOn, null, _rates, _today));
        }
    }

    private DateOnly DemoPlanDate(DateOnly from, DateOnly to) => DemoPlan.RandomDate(_rng, from, to);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static long Round(double amount, long step) => (long)Math.Round(amount / step) * step;
}
