using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Dues;
using PartyRoster.Domain.Members;
using PartyRoster.Web.Data;

namespace PartyRoster.Web.Pages.Dues;

/// <summary>One member's whole dues record (every basis and payment, read-only), for the member's dues pages and profile section.</summary>
public sealed class DuesAccount
{
    private DuesAccount(DuesMember member, IReadOnlyList<DuesBasis> bases, IReadOnlyList<DuesPayment> payments, DateOnly today)
    {
        Member = member;
        Bases = bases;
        Payments = payments;
        Today = today;
    }

    public DuesMember Member { get; }
    /// <summary>Newest first.</summary>
    public IReadOnlyList<DuesBasis> Bases { get; }
    /// <summary>Newest month first.</summary>
    public IReadOnlyList<DuesPayment> Payments { get; }
    public DateOnly Today { get; }

    public DuesBasis? CurrentBasis => DuesBasis.InForce(Bases, DuesCalendar.Of(Today));

    public DuesDue Due(DateOnly month) => DuesLedger.Due(Member, Bases, month);

    public IReadOnlyList<DateOnly> Arrears() => DuesLedger.Arrears(Member, Bases, [.. Payments.Select(p => p.DuesMonth)], Today);

    /// <summary>The last twelve ended months, this month, and any month paid ahead.</summary>
    public IReadOnlyList<DuesLine> RecentStatement()
    {
        var (from, _) = DuesLedger.ArrearsWindow(Today);
        var to = DuesCalendar.Of(Today);
        if (Payments.Count > 0 && Payments[0].DuesMonth > to) to = Payments[0].DuesMonth;
        return Statement(from, to);
    }

    public IReadOnlyList<DuesLine> Statement(DateOnly from, DateOnly to) =>
        DuesLedger.Statement(Member, Bases, Payments.Select(DuesPaid.Of), from, to, Today);

    public static async Task<DuesAccount> LoadAsync(PartyRosterDbContext db, Member member, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(member);
        var id = member.Id;
        var bases = await db.DuesBases.AsNoTracking().Where(b => b.MemberId == id).OrderByDescending(b => b.EffectiveFrom).ToListAsync(ct);
        var payments = await db.DuesPayments.AsNoTracking().Where(p => p.MemberId == id).OrderByDescending(p => p.DuesMonth).ToListAsync(ct);
        return new DuesAccount(DuesMember.Of(member), bases, payments, today);
    }
}
