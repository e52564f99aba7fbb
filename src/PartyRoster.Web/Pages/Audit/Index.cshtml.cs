using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Audit;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Audit;

/// <summary>
/// The audit trail, newest first, for Admin and Ủy ban Kiểm tra. Filters are structured (type, record id, actor,
/// dates) on purpose: no free-text search runs over the personal data kept in the change details.
/// </summary>
[Authorize(Policy = Policies.ViewAudit)]
public sealed class IndexModel(PartyRosterDbContext db, AccessService access) : PageModel
{
    public const int PageSize = 50;
    public const string SystemActor = "__system";

    /// <summary>Audited entity types and how they are called on screen.</summary>
    public static readonly IReadOnlyDictionary<string, string> EntityTypes = new Dictionary<string, string>
    {
        ["Member"] = "Đảng viên",
        ["Organization"] = "Tổ chức đảng",
        ["OrganizationHistoryEntry"] = "Lịch sử tổ chức",
        ["AppUser"] = "Tài khoản",
        ["RoleAssignment"] = "Giao vai trò",
        ["ScreeningCase"] = "Hồ sơ rà soát",
        ["ScreeningStep"] = "Bước rà soát",
        ["CaseAttachment"] = "Tài liệu đính kèm",
        ["Holiday"] = "Ngày nghỉ lễ",
        [Members.IndexModel.ExportAuditType] = "Xuất danh sách đảng viên",
        [Members.Import.MemberImportRunner.AuditType] = "Nhập đảng viên từ tệp",
    };

    private static readonly Dictionary<string, string> FieldNames = new()
    {
        ["DisplayName"] = "Họ tên",
        ["FullName"] = "Họ và tên",
        ["Email"] = "Email",
        ["UserName"] = "Tên đăng nhập",
        ["IsDisabled"] = "Vô hiệu hóa",
        ["PasswordHash"] = "Mật khẩu",
        ["SecurityStamp"] = "Mã phiên đăng nhập",
        ["LockoutEnd"] = "Khóa đến",
        ["LockoutEnabled"] = "Cho phép khóa",
        ["TwoFactorEnabled"] = "Xác thực hai bước",
        ["Role"] = "Vai trò",
        ["UserId"] = "Tài khoản (mã)",
        ["OrganizationId"] = "Tổ chức (mã)",
        ["GrantedAtUtc"] = "Thời điểm giao",
        ["RevokedAtUtc"] = "Thời điểm thu hồi",
        ["Name"] = "Tên",
        ["Kind"] = "Loại",
        ["Status"] = "Trạng thái",
        ["ParentId"] = "Tổ chức cấp trên (mã)",
        ["Path"] = "Đường dẫn cây",
        ["CitizenId"] = "Số CCCD",
        ["DateOfBirth"] = "Ngày sinh",
        ["RollState"] = "Tình trạng",
        ["Standing"] = "Chính thức/dự bị",
        ["Format"] = "Định dạng",
        ["Filter"] = "Điều kiện tìm",
        ["Rows"] = "Số dòng",
        ["File"] = "Tệp",
        ["Created"] = "Số đảng viên mới",
        ["Skipped"] = "Đã có, bỏ qua",
        ["MemberIds"] = "Mã các đảng viên mới",
    };

    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityId { get; set; }
    [BindProperty(SupportsGet = true, Name = "User")] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<EntryRow> Entries { get; private set; } = [];
    public int TotalCount { get; private set; }
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
    public IReadOnlyList<SelectListItem> EntityTypeOptions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ActorOptions { get; private set; } = [];
    public AuditVerification? Verification { get; private set; }

    public sealed record Change(string Field, string? Before, string? After);

    public sealed record EntryRow(long Sequence, DateTime OccurredAtUtc, string? UserName, string EntityType, string EntityId,
        string Action, IReadOnlyList<Change> Changes, string? Link);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        Verification = await new AuditVerifier(db).VerifyAsync(ct);
        await LoadAsync(ct);
        return Page();
    }

    public static string EntityTypeName(string type) => EntityTypes.TryGetValue(type, out var n) ? n : type;

    public static string FieldName(string field) => FieldNames.TryGetValue(field, out var n) ? n : field;

    /// <summary>The query string of the current filters with another page number.</summary>
    public Dictionary<string, string> RouteFor(int page)
    {
        var values = new Dictionary<string, string>();
        if (!string.IsNullOrEmpty(EntityType)) values["EntityType"] = EntityType;
        if (!string.IsNullOrEmpty(EntityId)) values["EntityId"] = EntityId;
        if (!string.IsNullOrEmpty(Actor)) values["User"] = Actor;
        if (!string.IsNullOrEmpty(From)) values["From"] = From;
        if (!string.IsNullOrEmpty(To)) values["To"] = To;
        values["p"] = page.ToString(CultureInfo.InvariantCulture);
        return values;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        EntityTypeOptions = EntityTypes.Select(t => new SelectListItem(t.Value, t.Key, t.Key == EntityType)).ToList();
        var accounts = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct);
        ActorOptions = [new SelectListItem("Hệ thống / dòng lệnh", SystemActor, Actor == SystemActor),
            .. accounts.Select(u => new SelectListItem($"{u.DisplayName} ({u.Email})", u.Id, u.Id == Actor))];

        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(EntityType)) query = query.Where(a => a.EntityType == EntityType);
        if (!string.IsNullOrWhiteSpace(EntityId))
        {
            var id = EntityId.Trim();
            query = query.Where(a => a.EntityId == id);
        }
        if (Actor == SystemActor) query = query.Where(a => a.UserId == null);
        else if (!string.IsNullOrWhiteSpace(Actor)) query = query.Where(a => a.UserId == Actor);

        var from = Format.ParseDate(From);
        var to = Format.ParseDate(To);
        if (!string.IsNullOrWhiteSpace(From) && from is null) ModelState.AddModelError(nameof(From), "Ngày bắt đầu không hợp lệ (dd/mm/yyyy).");
        if (!string.IsNullOrWhiteSpace(To) && to is null) ModelState.AddModelError(nameof(To), "Ngày kết thúc không hợp lệ (dd/mm/yyyy).");
        if (from is { } f)
        {
            var fromUtc = StartOfDayUtc(f);
            query = query.Where(a => a.OccurredAtUtc >= fromUtc);
        }
        if (to is { } t)
        {
            var toUtc = StartOfDayUtc(t.AddDays(1));
            query = query.Where(a => a.OccurredAtUtc < toUtc);
        }

        TotalCount = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        var rows = await query.OrderByDescending(a => a.Sequence)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(a => new { a.Sequence, a.OccurredAtUtc, a.UserName, a.EntityType, a.EntityId, a.Action, a.Changes })
            .ToListAsync(ct);

        var canManageUsers = await access.HasAnywhereAsync(Capability.ManageUsers, ct);
        Entries = rows.Select(r =>
        {
            var changes = ParseChanges(r.Changes);
            return new EntryRow(r.Sequence, r.OccurredAtUtc, r.UserName, r.EntityType, r.EntityId, r.Action, changes,
                LinkFor(r.EntityType, r.EntityId, changes, canManageUsers));
        }).ToList();
    }

    /// <summary>
    /// A link to the record's own page. Url.Page returns null for a page that does not exist (yet), so the
    /// trail never links to nowhere; the target page still applies its own scope check.
    /// </summary>
    private string? LinkFor(string type, string id, IReadOnlyList<Change> changes, bool canManageUsers)
    {
        string? Field(string name) => changes.FirstOrDefault(c => c.Field == name) is { } c ? c.After ?? c.Before : null;
        return type switch
        {
            "Member" => Url.Page("/Members/Details", new { id }),
            "Organization" => Url.Page("/Organizations/Details", new { id }),
            "OrganizationHistoryEntry" when Field("OrganizationId") is { } orgId => Url.Page("/Organizations/Details", new { id = orgId }),
            "AppUser" when canManageUsers => Url.Page("/Admin/Users/Details", new { id }),
            "RoleAssignment" when canManageUsers && Field("UserId") is { } userId => Url.Page("/Admin/Users/Details", new { id = userId }),
            _ => null,
        };
    }

    private static List<Change> ParseChanges(string json)
    {
        var result = new List<Change>();
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return result;
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (p.Value.ValueKind == JsonValueKind.Array && p.Value.GetArrayLength() == 2)
                    result.Add(new Change(p.Name, Text(p.Value[0]), Text(p.Value[1])));
                else
                    result.Add(new Change(p.Name, null, p.Value.ToString()));
            }
        }
        catch (JsonException)
        {
            // A tampered or malformed entry is still shown, raw; the integrity check reports it.
            result.Add(new Change("(không đọc được)", null, json));
        }
        return result;
    }

    private static string? Text(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => e.GetString(),
        _ => e.ToString(),
    };

    private static DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Format.VietnamTime);
}
