using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Rules;
using PartyRoster.Domain.Screening;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Screening;

/// <summary>
/// Biên bản kiểm phiếu: the minutes of the counting committee for one secret ballot recorded on a case (the cell's
/// list ballot or removal ballot, the grassroots committee's, the standing committee's), drawn from the step's tally.
/// </summary>
[Authorize(Policy = Policies.ViewCases)]
public sealed class MinutesModel(PartyRosterDbContext db, AccessService access, RuleBook rules) : PageModel
{
    public ScreeningCase Case { get; private set; } = null!;
    public ScreeningStep Step { get; private set; } = null!;
    public BallotTally Tally { get; private set; } = null!;
    public ScreeningAccess.CaseCell Cell { get; private set; } = null!;
    public string MemberName { get; private set; } = "";
    public Standing MemberStanding { get; private set; }

    /// <summary>The body that voted, e.g. "Chi bộ Khu phố 3".</summary>
    public string Body { get; private set; } = "";
    public string Motion { get; private set; } = "";
    public Rule<VoteThreshold> Threshold { get; private set; } = null!;
    public int VotesNeeded { get; private set; }

    /// <summary>The cell's official and exempt members today, shown only when they agree with the recorded basis (else blanks to fill in).</summary>
    public (int Official, int Exempt)? Members { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int step, CancellationToken ct)
    {
        var screeningCase = await db.ScreeningCases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (screeningCase is null) return NotFound();
        var cell = await new ScreeningAccess(db, access).CellIfVisibleAsync(screeningCase.CellId, ct);
        var s = screeningCase.Steps.FirstOrDefault(x => x.Sequence == step);
        if (cell is null || s?.Tally is null) return NotFound();
        Case = screeningCase;
        Cell = cell;
        Step = s;
        Tally = s.Tally;
        var member = await db.Members.AsNoTracking().Where(m => m.Id == screeningCase.MemberId)
            .Select(m => new { m.FullName, m.Standing }).FirstAsync(ct);
        MemberName = member.FullName;
        MemberStanding = member.Standing;

        var set = rules.InForceOn(s.EffectiveOn);
        (Body, Motion, Threshold) = s.Action switch
        {
            ScreeningAction.RecordListBallot => (cell.Name, $"Đưa đảng viên {MemberName} vào danh sách giáo dục, giúp đỡ", set.ListBallotThreshold),
            ScreeningAction.RecordBallot => (cell.Name, $"Đề nghị đưa đảng viên {MemberName} ra khỏi Đảng", set.RemovalBallotThreshold),
            ScreeningAction.Forward => ("Đảng ủy cơ sở", $"Đề nghị cấp trên đưa đảng viên {MemberName} ra khỏi Đảng", set.ForwardThreshold),
            _ => ("Ban Thường vụ", $"Quyết định xử lý đối với đảng viên {MemberName}", set.DecisionThreshold),
        };
        VotesNeeded = Threshold.Value.MinimumVotes(Tally.Eligible);

        if (s.Action is ScreeningAction.RecordListBallot or ScreeningAction.RecordBallot)
        {
            var official = await db.Members.Where(m => m.OrganizationId == screeningCase.CellId && m.Standing == Standing.Official && m.RollState != RollState.Deceased
                    && MemberEnumNames.OnRollStates.Contains(m.RollState))
                .GroupBy(m => m.RollState == RollState.ExemptFromActivities).Select(g => new { Exempt = g.Key, Count = g.Count() }).ToListAsync(ct);
            var all = official.Sum(x => x.Count);
            var exempt = official.Where(x => x.Exempt).Sum(x => x.Count);
            if (all - exempt == Tally.Eligible) Members = (all, exempt);
        }
        return Page();
    }
}
