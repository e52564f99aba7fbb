using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PartyRoster.Domain.Members;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Registers;

/// <summary>Danh sách đảng viên mới kết nạp: members whose admission decision falls in the year, whatever their state now.</summary>
[Authorize(Policy = Policies.ViewRegisters)]
public sealed class AdmittedModel(PartyRosterDbContext db, AccessService access, TimeProvider clock) : RegisterPage(db, access, clock)
{
    public sealed record Row(int Id, string FullName, Gender Gender, DateOnly DateOfBirth, DateOnly AdmissionDecisionDate,
        DateOnly AdmissionCeremonyDate, DateOnly? OfficialDate, RollState RollState, string OrganizationName);

    /// <summary>The year of the admission decisions; the current year when not given.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public int ShownYear { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IEnumerable<int> Years => Enumerable.Range(0, 30).Select(i => Today.Year - i);

    public async Task OnGetAsync(CancellationToken ct) => Rows = await ReadAsync(await AdmittedAsync(ct), Project, ct);

    private async Task<IQueryable<Member>> AdmittedAsync(CancellationToken ct)
    {
        var members = await MembersAsync(ct);
        ShownYear = Year is { } y and >= 1930 and <= 9999 ? y : Today.Year;
        var from = new DateOnly(ShownYear, 1, 1);
        var to = new DateOnly(ShownYear, 12, 31);
        return members.Where(m => m.AdmissionDecisionDate >= from && m.AdmissionDecisionDate <= to);
    }

    private static IQueryable<Row> Project(IQueryable<Member> members) => members
        .OrderBy(m => m.AdmissionDecisionDate).ThenBy(m => m.SortKey).ThenBy(m => m.Id)
        .Select(m => new Row(m.Id, m.FullName, m.Gender, m.DateOfBirth, m.AdmissionDecisionDate, m.AdmissionCeremonyDate,
            m.OfficialDate, m.RollState, m.Organization!.Name));
}
