using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Reports;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Infrastructure.Spreadsheets;
using PartyRoster.Web.Infrastructure.Reports;

namespace PartyRoster.Web.Pages.Registers;

/// <summary>Members who left the roll, grouped by reason (chuyển đi, xóa tên, khai trừ, xin ra khỏi Đảng).</summary>
[Authorize(Policy = Policies.ViewRegisters)]
public sealed class LeftModel(PartyRosterDbContext db, AccessService access, TimeProvider clock) : RegisterPage(db, access, clock)
{
    public sealed record Row(int Id, string FullName, DateOnly DateOfBirth, RollState RollState, DateOnly? LeftOn,
        string? LeaveNote, string OrganizationName);

    /// <summary>Only members who left in this year (by <see cref="Member.LeftOn"/>); null for every year. Sets both ends of the range.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>First year of a range (the reports' links); ignored when <see cref="Year"/> is given.</summary>
    [BindProperty(SupportsGet = true)]
    public int? FromYear { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? ToYear { get; set; }

    /// <summary>
    /// A <see cref="RemovalReason"/> name (the reports' categories), <see cref="LeftReasonFilter.AllRemovals"/>, or
    /// "TransferredOut"; anything else lists every reason.
    /// </summary>
    [BindProperty(SupportsGet = true)]
    public string? Reason { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IEnumerable<int> Years => Enumerable.Range(0, 30).Select(i => Today.Year - i);

    /// <summary>Heading line of the filter applied (reason and years), or null for the whole register.</summary>
    public string? FilterText { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Rows = await ReadAsync(await LeftAsync(ct), Project, ct);

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) =>
        Export("dang-vien-ra-khoi-danh-sach.xlsx", "Ra khỏi danh sách", Project(await LeftAsync(ct)),
        [
            Numbering<Row>(),
            new("Lý do", CellKind.Text, r => ReasonHeading(r.RollState), 30),
            new("Họ và tên", CellKind.Text, r => r.FullName, 28),
            new("Ngày sinh", CellKind.Date, r => r.DateOfBirth, 12),
            new("Chi bộ", CellKind.Text, r => r.OrganizationName, 32),
            new("Ngày ra khỏi danh sách", CellKind.Date, r => r.LeftOn, 14),
            new("Ghi chú", CellKind.Text, r => r.LeaveNote, 30),
        ]);

    private async Task<IQueryable<Member>> LeftAsync(CancellationToken ct)
    {
        var left = MemberEnumNames.LeftStates;
        var members = (await MembersAsync(ct)).Where(m => left.Contains(m.RollState));
        var (from, to) = Year is { } y ? (y, y) : (FromYear, ToYear);
        var parts = new List<string>();
        if (from is { } f && to is { } t && f >= 1900 && t <= 9999 && f <= t)
        {
            var start = new DateOnly(f, 1, 1);
            var end = new DateOnly(t, 12, 31);
            members = members.Where(m => m.LeftOn >= start && m.LeftOn <= end);
            parts.Add(f == t ? $"năm {f}" : $"từ năm {f} đến năm {t}");
        }
        members = FilterByReason(members, parts);
        FilterText = parts.Count == 0 ? null : string.Join(", ", parts);
        return members;
    }

    private static IQueryable<Row> Project(IQueryable<Member> members) => members
        .OrderBy(m => m.RollState).ThenBy(m => m.LeftOn).ThenBy(m => m.SortKey).ThenBy(m => m.Id)
        .Select(m => new Row(m.Id, m.FullName, m.DateOfBirth, m.RollState, m.LeftOn, m.LeaveNote, m.Organization!.Name));

    private IQueryable<Member> FilterByReason(IQueryable<Member> members, List<string> parts)
    {
        if (Reason == LeftReasonFilter.AllRemovals)
        {
            parts.Insert(0, "Đưa ra khỏi Đảng");
            var states = ReportCategories.RemovalStates;
            return members.Where(m => states.Contains(m.RollState));
        }
        if (Reason == nameof(RollState.TransferredOut))
        {
            parts.Insert(0, ReasonHeading(RollState.TransferredOut));
            return members.Where(m => m.RollState == RollState.TransferredOut);
        }
        if (!Enum.TryParse<RemovalReason>(Reason, out var reason) || !Enum.IsDefined(reason)) return members;
        parts.Insert(0, reason.DisplayName());
        var transfer = RosterFigures.TransferRemovalMemberIds(Db);
        return reason switch
        {
            RemovalReason.CharterViolation => members.Where(m => m.RollState == RollState.RemovedFromRoll && !transfer.Contains(m.Id)),
            RemovalReason.TransferViolation => members.Where(m => m.RollState == RollState.RemovedFromRoll && transfer.Contains(m.Id)),
            RemovalReason.Expelled => members.Where(m => m.RollState == RollState.Expelled),
            _ => members.Where(m => m.RollState == RollState.Withdrew),
        };
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
