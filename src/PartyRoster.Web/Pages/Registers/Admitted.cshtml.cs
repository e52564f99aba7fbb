using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PartyRoster.Domain.Members;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Infrastructure.Spreadsheets;

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

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        var rows = Project(await AdmittedAsync(ct));
        return Export($"dang-vien-ket-nap-{ShownYear}.xlsx", "Đảng viên được kết nạp", rows,
        [
            Numbering<Row>(),
            new("Họ và tên", CellKind.Text, r => r.FullName, 28),
            new("Giới tính", CellKind.Text, r => r.Gender.DisplayName(), 9),
            new("Ngày sinh", CellKind.Date, r => r.DateOfBirth, 12),
            new("Ngày quyết định kết nạp", CellKind.Date, r => r.AdmissionDecisionDate, 14),
            new("Ngày lễ kết nạp", CellKind.Date, r => r.AdmissionCeremonyDate, 13),
            new("Ngày chính thức", CellKind.Date, r => r.OfficialDate, 13),
            new("Chi bộ", CellKind.Text, r => r.OrganizationName, 32),
            new("Ghi chú", CellKind.Text, r => r.RollState == RollState.Active ? null : r.RollState.DisplayName(), 24),
        ]);
    }

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
