using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Dues;
using PartyRoster.Domain.Members;
using PartyRoster.Web.Data;

namespace PartyRoster.Web.Infrastructure;

/// <summary>
/// The dues facts of a set of members (a cell, or a whole subtree) read in three set-based queries, never
/// one per member: the members' admission facts, their dues bases, and which of the last twelve ended months
/// each has paid (one integer per member). Arrears are then computed in memory by <see cref="DuesLedger"/>.
/// </summary>
/// <remarks>
/// Trade-off: 200,000 members mean ~200,000 small rows per query (about a second on SQLite), against
/// 2.4 million payment rows if the months were read one by one. The paid months come back as a bit mask
/// (bit i = month i of the window) summed by the database: a member has at most one payment per month
/// (unique index), so the sum of distinct powers of two is their OR. Provider-neutral: a CASE over twelve
/// date comparisons, no date functions.
/// </remarks>
public sealed class DuesSnapshot
{
    private static readonly IReadOnlyList<DateOnly> None = [];
    private const int FullMask = (1 << DuesLedger.ArrearsWindowMonths) - 1;

    private readonly Dictionary<int, DuesBasis[]> _bases;
    private readonly Dictionary<int, int> _paidMasks;
    private readonly DuesRateBook _rates;

    private DuesSnapshot(IReadOnlyList<Row> members, Dictionary<int, DuesBasis[]> bases, Dictionary<int, int> paidMasks,
        DateOnly today, DuesRateBook rates)
    {
        Members = members;
        _bases = bases;
        _paidMasks = paidMasks;
        _rates = rates;
        Today = today;
        Window = DuesLedger.ArrearsWindow(today);
    }

    /// <summary>A member's dues facts and current cell.</summary>
    public sealed record Row(int CellId, DuesMember Dues)
    {
        public int Id => Dues.MemberId;
    }

    /// <summary>One member in arrears: the unpaid ended months of the window and what they owed.</summary>
    public sealed record MemberArrears(Row Member, IReadOnlyList<DateOnly> Months, long Amount);

    public IReadOnlyList<Row> Members { get; }
    public DateOnly Today { get; }
    public (DateOnly From, DateOnly To) Window { get; }

    public IReadOnlyList<DuesBasis> BasesOf(int memberId) => _bases.TryGetValue(memberId, out var list) ? list : [];

    /// <summary>The unpaid owed months of the arrears window (<see cref="DuesLedger.Arrears"/>).</summary>
    public IReadOnlyList<DateOnly> ArrearsOf(Row member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var bases = BasesOf(member.Id);
        var mask = _paidMasks.GetValueOrDefault(member.Id);
        // Most members paid every month of the window: nothing can be unpaid, so skip the month-by-month rules.
        if (bases.Count == 0 || mask == FullMask) return None;
        return DuesLedger.Arrears(member.Dues, bases, PaidMonths(mask), Today, _rates);
    }

    /// <summary>Every member with at least one unpaid month in the window, with the amount those months owed.</summary>
    public IReadOnlyList<MemberArrears> InArrears() =>
        [.. Members.Select(m => (Member: m, Months: ArrearsOf(m)))
            .Where(x => x.Months.Count > 0)
            .Select(x => new MemberArrears(x.Member, x.Months,
                x.Months.Sum(month => DuesLedger.Due(x.Member.Dues, BasesOf(x.Member.Id), month, _rates).Amount)))];

    /// <summary>Loads the snapshot for <paramref name="members"/> (filter them to the roll first when that is wanted).</summary>
    public static async Task<DuesSnapshot> LoadAsync(PartyRosterDbContext db, IQueryable<Member> members, DateOnly today,
        CancellationToken ct, DuesRateBook? rates = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await members.AsNoTracking()
            .Select(m => new { m.Id, m.OrganizationId, m.AdmissionDecisionDate, m.Standing, m.RollState, m.LeftOn })
            .ToListAsync(ct);
        var ids = members.Select(m => m.Id);
        var bases = (await db.DuesBases.AsNoTracking().Where(b => ids.Contains(b.MemberId)).ToListAsync(ct))
            .GroupBy(b => b.MemberId).ToDictionary(g => g.Key, g => g.ToArray());
        var (from, to) = DuesLedger.ArrearsWindow(today);
        var masks = await db.DuesPayments.AsNoTracking()
            .Where(p => ids.Contains(p.MemberId) && p.DuesMonth >= from && p.DuesMonth <= to)
            .Select(MonthBit(from))
            .GroupBy(x => x.MemberId)
            .Select(g => new { MemberId = g.Key, Mask = g.Sum(x => x.Bit) })
            .ToDictionaryAsync(x => x.MemberId, x => x.Mask, ct);
        var list = rows.Select(m => new Row(m.OrganizationId, new DuesMember(m.Id, m.AdmissionDecisionDate,
            m.Standing == Standing.Official, m.RollState.IsOnRoll() ? null : m.LeftOn))).ToList();
        return new DuesSnapshot(list, bases, masks, today, rates ?? DuesRateBook.Default);
    }

    /// <summary>A payment's member and its month as a bit of the window starting at <paramref name="from"/> (0 outside it).</summary>
    private static Expression<Func<DuesPayment, MonthBitRow>> MonthBit(DateOnly from)
    {
        var p = Expression.Parameter(typeof(DuesPayment), "p");
        var month = Expression.Property(p, nameof(DuesPayment.DuesMonth));
        Expression bit = Expression.Constant(0);
        for (var i = DuesLedger.ArrearsWindowMonths - 1; i >= 0; i--)
        {
            bit = Expression.Condition(Expression.Equal(month, Expression.Constant(from.AddMonths(i))), Expression.Constant(1 << i), bit);
        }
        var body = Expression.MemberInit(Expression.New(typeof(MonthBitRow)),
            Expression.Bind(typeof(MonthBitRow).GetProperty(nameof(MonthBitRow.MemberId))!, Expression.Property(p, nameof(DuesPayment.MemberId))),
            Expression.Bind(typeof(MonthBitRow).GetProperty(nameof(MonthBitRow.Bit))!, bit));
        return Expression.Lambda<Func<DuesPayment, MonthBitRow>>(body, p);
    }

    private DateOnly[] PaidMonths(int mask)
    {
        var months = new List<DateOnly>(DuesLedger.ArrearsWindowMonths);
        for (var i = 0; i < DuesLedger.ArrearsWindowMonths; i++)
        {
            if ((mask & (1 << i)) != 0) months.Add(Window.From.AddMonths(i));
        }
        return [.. months];
    }

    private sealed class MonthBitRow
    {
        public int MemberId { get; init; }
        public int Bit { get; init; }
    }
}
