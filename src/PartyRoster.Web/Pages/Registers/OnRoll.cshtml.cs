using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PartyRoster.Domain.Members;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Infrastructure.Spreadsheets;

namespace PartyRoster.Web.Pages.Registers;

/// <summary>Sổ danh sách đảng viên: members on the roll, by cell, in Vietnamese name order.</summary>
[Authorize(Policy = Policies.ViewRegisters)]
public sealed class OnRollModel(PartyRosterDbContext db, AccessService access, TimeProvider clock) : RegisterPage(db, access, clock)
{
    public sealed record Row(int Id, string FullName, Gender Gender, DateOnly DateOfBirth, DateOnly AdmissionDecisionDate,
        DateOnly? OfficialDate, Standing Standing, RollState RollState, string? PartyCardNumber, int OrganizationId, string OrganizationName);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await ReadAsync(await OnRollAsync(ct), Project, ct);

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) =>
        Export("so-danh-sach-dang-vien.xlsx", "Sổ danh sách đảng viên", Project(await OnRollAsync(ct)),
        [
            Numbering<Row>(),
            new("Họ và tên", CellKind.Text, r => r.FullName, 28),
            new("Giới tính", CellKind.Text, r => r.Gender.DisplayName(), 9),
            new("Ngày sinh", CellKind.Date, r => r.DateOfBirth, 12),
            new("Ngày vào Đảng", CellKind.Date, r => r.AdmissionDecisionDate, 13),
            new("Ngày chính thức", CellKind.Date, r => r.OfficialDate, 13),
            new("Loại", CellKind.Text, r => r.Standing.DisplayName(), 11),
            new("Số thẻ", CellKind.Text, r => r.PartyCardNumber, 14),
            new("Chi bộ", CellKind.Text, r => r.OrganizationName, 32),
            new("Ghi chú", CellKind.Text, r => r.RollState == RollState.Active ? null : r.RollState.DisplayName(), 24),
        ]);

    private async Task<IQueryable<Member>> OnRollAsync(CancellationToken ct)
    {
        var onRoll = MemberEnumNames.OnRollStates;
        return (await MembersAsync(ct)).Where(m => onRoll.Contains(m.RollState));
    }

    /// <summary>Grouped by cell: the cell name orders the groups, its id keeps each group together.</summary>
    private static IQueryable<Row> Project(IQueryable<Member> members) => members
        .OrderBy(m => m.Organization!.Name).ThenBy(m => m.OrganizationId).ThenBy(m => m.SortKey).ThenBy(m => m.Id)
        .Select(m => new Row(m.Id, m.FullName, m.Gender, m.DateOfBirth, m.AdmissionDecisionDate, m.OfficialDate,
            m.Standing, m.RollState, m.PartyCardNumber, m.OrganizationId, m.Organization!.Name));
}
