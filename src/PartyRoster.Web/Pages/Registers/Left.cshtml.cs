using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PartyRoster.Domain.Members;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Registers;

/// <summary>Members who left the roll, grouped by reason (chuyển đi, xóa tên, khai trừ, xin ra khỏi Đảng).</summary>
[Authorize(Policy = Policies.ViewRegisters)]
public sealed class LeftModel(PartyRosterDbContext db, AccessService access, TimeProvider clock) : RegisterPage(db, access, clock)
{
    public sealed record Row(int Id, string FullName, DateOnly DateOfBirth, RollState RollState, DateOnly? LeftOn,
        string? LeaveNote, string OrganizationName);

    /// <summary>Only members who left in this year (by <see cref="Member.LeftOn"/>); null for every year.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IEnumerable<int> Years => Enumerable.Range(0, 30).Select(i => Today.Year - i);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var left = MemberEnumNames.LeftStates;
        var members = (await MembersAsync(ct)).Where(m => left.Contains(m.RollState));
        if (Year is { } y and >= 1900 and <= 9999)
        {
            var from = new DateOnly(y, 1, 1);
            var to = new DateOnly(y, 12, 31);
            members = members.Where(m => m.LeftOn >= from && m.LeftOn <= to);
        }
        Rows = await ReadAsync(members, q => q
            .OrderBy(m => m.RollState).ThenBy(m => m.LeftOn).ThenBy(m => m.SortKey).ThenBy(m => m.Id)
            .Select(m => new Row(m.Id, m.FullName, m.DateOfBirth, m.RollState, m.LeftOn, m.LeaveNote, m.Organization!.Name)), ct);
    }

    /// <summary>Group headings, in the order the register lists them.</summary>
    public static string ReasonHeading(RollState s) => s switch
    {
        RollState.TransferredOut => "Chuyển sinh hoạt đảng đi nơi khác",
        RollState.RemovedFromRoll => "Xóa tên khỏi danh sách đảng viên",
        RollState.Expelled => "Khai trừ ra khỏi Đảng",
        RollState.Withdrew => "Xin ra khỏi Đảng",
        _ => s.DisplayName(),
    };
}
