using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PartyRoster.Domain.Members;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Infrastructure.Spreadsheets;

namespace PartyRoster.Web.Pages.Registers;

/// <summary>Đảng viên đã từ trần: name, birth date, party age at death, date of death, cell.</summary>
[Authorize(Policy = Policies.ViewRegisters)]
public sealed class DeceasedModel(PartyRosterDbContext db, AccessService access, TimeProvider clock) : RegisterPage(db, access, clock)
{
    public sealed record Row(int Id, string FullName, DateOnly DateOfBirth, Standing Standing, DateOnly AdmissionDecisionDate,
        DateOnly? DiedOn, string? Note, string OrganizationName)
    {
        /// <summary>Tuổi đảng at death: counted from the admission decision, for official members only.</summary>
        public int? PartyAgeAtDeath => Standing == Standing.Official && DiedOn is { } d ? MemberRules.AgeOn(AdmissionDecisionDate, d) : null;
    }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IEnumerable<int> Years => Enumerable.Range(0, 30).Select(i => Today.Year - i);

    public async Task OnGetAsync(CancellationToken ct) => Rows = await ReadAsync(await DeceasedAsync(ct), Project, ct);

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) =>
        Export("dang-vien-tu-tran.xlsx", "Đảng viên từ trần", Project(await DeceasedAsync(ct)),
        [
            Numbering<Row>(),
            new("Họ và tên", CellKind.Text, r => r.FullName, 28),
            new("Ngày sinh", CellKind.Date, r => r.DateOfBirth, 12),
            new("Tuổi đảng khi từ trần", CellKind.Number, r => r.PartyAgeAtDeath, 12),
            new("Ngày từ trần", CellKind.Date, r => r.DiedOn, 12),
            new("Chi bộ", CellKind.Text, r => r.OrganizationName, 32),
            new("Ghi chú", CellKind.Text, r => r.Note, 30),
        ]);

    private async Task<IQueryable<Member>> DeceasedAsync(CancellationToken ct)
    {
        var members = (await MembersAsync(ct)).Where(m => m.RollState == RollState.Deceased);
        if (Year is { } y and >= 1900 and <= 9999)
        {
            var from = new DateOnly(y, 1, 1);
            var to = new DateOnly(y, 12, 31);
            members = members.Where(m => m.LeftOn >= from && m.LeftOn <= to);
        }
        return members;
    }

    private static IQueryable<Row> Project(IQueryable<Member> members) => members
        .OrderBy(m => m.LeftOn).ThenBy(m => m.SortKey).ThenBy(m => m.Id)
        .Select(m => new Row(m.Id, m.FullName, m.DateOfBirth, m.Standing, m.AdmissionDecisionDate, m.LeftOn, m.LeaveNote, m.Organization!.Name));
}
