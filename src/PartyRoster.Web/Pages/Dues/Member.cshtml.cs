using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Dues;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;
using DomainMember = PartyRoster.Domain.Members.Member;

namespace PartyRoster.Web.Pages.Dues;

/// <summary>One member's dues: current basis, month-by-month statement, arrears, and the history of bases.</summary>
[Authorize(Policy = Policies.ViewDues)]
public sealed class MemberModel(PartyRosterDbContext db, AccessService access, TimeProvider clock) : PageModel
{
    public DomainMember Member { get; private set; } = null!;
    public DuesAccount Account { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    /// <summary>The calendar year shown, or null for the last twelve months.</summary>
    public int? Year { get; private set; }
    public IReadOnlyList<DuesLine> Lines { get; private set; } = [];
    public IReadOnlyList<DateOnly> Arrears { get; private set; } = [];
    public long ArrearsAmount { get; private set; }
    /// <summary>Ended months of this calendar year owed and not paid (what the yearly signal counts).</summary>
    public IReadOnlyList<DateOnly> UnpaidThisYear { get; private set; } = [];
    public DuesDue ThisMonth { get; private set; } = null!;
    public bool CanRecord { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? year, CancellationToken ct)
    {
        var member = await access.FindMemberAsync(id, Capability.ViewDues, ct);
        if (member is null) return NotFound();
        Member = member;
        Today = Format.Today(clock);
        Account = await DuesAccount.LoadAsync(db, member, Today, ct);
        CanRecord = member.IsOnRoll && await access.CanAsync(Capability.RecordDues, member.Organization!.Path, ct);
        ThisMonth = Account.Due(Today);
        Arrears = Account.Arrears();
        ArrearsAmount = Arrears.Sum(m => Account.Due(m).Amount);
        UnpaidThisYear = DuesLedger.UnpaidMonths(Account.Member, Account.Bases, [.. Account.Payments.Select(p => p.DuesMonth)], Today.Year, Today);
        var first = DuesRateBook.Default.FirstMonth;
        if (year is { } y && y >= first.Year && y <= Today.Year + 1)
        {
            Year = y;
            Lines = Account.Statement(new DateOnly(y, 1, 1), new DateOnly(y, 12, 1));
        }
        else
        {
            Lines = Account.RecentStatement();
        }
        return Page();
    }
}
