using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Dues;
using PartyRoster.Domain.Members;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Dues;

/// <summary>
/// A cell's collection sheet for one month (sổ thu đảng phí): every member on the cell's roll, members
/// exempt from activities included (exemption from dues is separate), with what they owe that month,
/// what they paid, and their arrears.
/// </summary>
public sealed class DuesSheet
{
    private DuesSheet(DateOnly month, IReadOnlyList<Line> lines)
    {
        Month = month;
        Lines = lines;
    }

    /// <param name="Dues">The member's dues facts, and <paramref name="Bases"/> their dues history, to record a payment with.</param>
    /// <param name="Entry">The month on the sheet: owed, paid, and how it stands.</param>
    /// <param name="Arrears">Unpaid owed months of the arrears window (<see cref="DuesLedger.Arrears"/>).</param>
    public sealed record Line(string FullName, RollState RollState, DuesMember Dues, IReadOnlyList<DuesBasis> Bases,
        DuesLine Entry, IReadOnlyList<DateOnly> Arrears)
    {
        public int MemberId => Dues.MemberId;

        public DuesDue Due => Entry.Due;

        /// <summary>Owed this month and not yet paid: what the whole-cell form offers.</summary>
        public bool Collectable => Due.IsOwed && Entry.Payment is null;
    }

    public DateOnly Month { get; }
    public IReadOnlyList<Line> Lines { get; }

    public int OwedCount => Lines.Count(l => l.Due.IsOwed);
    public int PaidCount => Lines.Count(l => l.Entry.Payment is not null);
    public long Owed => Lines.Where(l => l.Due.IsOwed).Sum(l => l.Due.Amount);
    public long Collected => Lines.Sum(l => l.Entry.Payment?.Amount ?? 0);
    public long Outstanding => Lines.Where(l => l.Collectable).Sum(l => l.Due.Amount);
    public int WithoutBasis => Lines.Count(l => l.Due.Status == DuesMonthStatus.NoBasis);

    public static async Task<DuesSheet> LoadAsync(PartyRosterDbContext db, int cellId, DateOnly month, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var members = db.Members.Where(m => m.OrganizationId == cellId && MemberEnumNames.OnRollStates.Contains(m.RollState));
        var names = await members.AsNoTracking()
            .OrderBy(m => m.SortKey).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.FullName, m.RollState })
            .ToListAsync(ct);
        var snapshot = await DuesSnapshot.LoadAsync(db, members, today, ct);
        var ids = members.Select(m => m.Id);
        var payments = await db.DuesPayments.AsNoTracking()
            .Where(p => ids.Contains(p.MemberId) && p.DuesMonth == month)
            .ToDictionaryAsync(p => p.MemberId, p => new DuesPaid(p.DuesMonth, p.Amount, p.PaidOn), ct);
        var facts = snapshot.Members.ToDictionary(m => m.Id);

        // Both reads filter the same roll; a member who moved between them is left out rather than shown half-read.
        var lines = names.Where(n => facts.ContainsKey(n.Id)).Select(n =>
        {
            var row = facts[n.Id];
            var bases = snapshot.BasesOf(n.Id);
            DuesPaid[] paid = payments.TryGetValue(n.Id, out var p) ? [p] : [];
            var entry = DuesLedger.Statement(row.Dues, bases, paid, month, month, today).Single();
            return new Line(n.FullName, n.RollState, row.Dues, bases, entry, snapshot.ArrearsOf(row));
        }).ToList();
        return new DuesSheet(month, lines);
    }
}
