using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Transfers;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Infrastructure.Spreadsheets;
using PartyRoster.Web.Pages.Transfers;

namespace PartyRoster.Web.Pages.Registers;

/// <summary>
/// Sổ theo dõi chuyển sinh hoạt đảng: every transfer touching a cell of the chosen subtree (letters out, receptions,
/// temporary transfers both ways, moves between cells), filtered by kind and by the year and quarter it began
/// (<see cref="Transfer.StartedOn"/>: the letter's date, the date received, the first day of a temporary period).
/// </summary>
[Authorize(Policy = Policies.ViewRegisters)]
public sealed class TransfersModel(PartyRosterDbContext db, AccessService access, TimeProvider clock, OrganizationDirectory directory)
    : RegisterPage(db, access, clock)
{
    private readonly AccessService _access = access;

    /// <summary>One transfer as the register prints it; <see cref="Name"/> is the member's or the guest's.</summary>
    public sealed record Row(int Id, TransferKind Kind, TransferStatus Status, int? MemberId, string Name, DateOnly? DateOfBirth, string? CardNumber,
        int? FromCellId, int? ToCellId, string? External, string? LetterNumber, DateOnly StartedOn, DateOnly? Deadline, DateOnly? PeriodEnd,
        DateOnly? CompletedOn)
    {
        /// <summary>Ngày giới thiệu: the letter's date or the first day of the period; not recorded for a reception (only the date received).</summary>
        public DateOnly? IntroducedOn => Kind == TransferKind.OfficialIn ? null : StartedOn;

        /// <summary>Hạn trình (official letter out) or the end of a temporary period.</summary>
        public DateOnly? DueOn => Deadline ?? PeriodEnd;

        /// <summary>Ngày nhận: the date a reception was recorded, the receiving side's slip, a return or the end of a guest's period.</summary>
        public DateOnly? ReceivedOn => Kind == TransferKind.OfficialIn ? StartedOn : Status == TransferStatus.Completed ? CompletedOn : null;

        public string State => Status.DisplayName(Kind);

        public bool IsIncoming => Kind is TransferKind.OfficialIn or TransferKind.TemporaryIn;
    }

    /// <summary>A <see cref="TransferKind"/> name; anything else lists every kind.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>1–4, with <see cref="Year"/> only.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Quarter { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyDictionary<int, string> CellNames { get; private set; } = new Dictionary<int, string>();

    public IEnumerable<int> Years => Enumerable.Range(0, 30).Select(i => Today.Year - i);

    public static IReadOnlyList<TransferKind> Kinds { get; } =
        [TransferKind.OfficialOut, TransferKind.OfficialIn, TransferKind.TemporaryOut, TransferKind.TemporaryIn, TransferKind.Internal];

    /// <summary>Heading line of the filter applied, or null for the whole register.</summary>
    public string? FilterText { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Rows = await ReadRowsAsync(await TransfersAsync(ct), ct);

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        var rows = await TransfersAsync(ct);
        var names = CellNames;
        return Export("so-theo-doi-chuyen-sinh-hoat-dang.xlsx", "Chuyển sinh hoạt đảng", rows,
        [
            Numbering<Row>(),
            new("Họ và tên", CellKind.Text, r => r.Name, 28),
            new("Ngày sinh", CellKind.Date, r => r.DateOfBirth, 12),
            new("Số thẻ đảng viên", CellKind.Text, r => r.CardNumber, 14),
            new("Loại", CellKind.Text, r => r.Kind.DisplayName(), 28),
            new("Từ tổ chức đảng", CellKind.Text, r => From(r, names), 32),
            new("Đến tổ chức đảng", CellKind.Text, r => To(r, names), 32),
            new("Số giấy giới thiệu", CellKind.Text, r => r.LetterNumber, 14),
            new("Ngày giới thiệu", CellKind.Date, r => r.IntroducedOn, 13),
            new("Hạn trình / hết hạn", CellKind.Date, r => r.DueOn, 13),
            new("Ngày nhận", CellKind.Date, r => r.ReceivedOn, 13),
            new("Tình trạng", CellKind.Text, r => r.State, 24),
        ]);
    }

    /// <summary>The organisation the member leaves: our cell, or the outside organisation a reception or a guest comes from.</summary>
    public static string? From(Row row, IReadOnlyDictionary<int, string> cellNames)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(cellNames);
        return row.IsIncoming ? row.External : row.FromCellId is { } id ? cellNames.GetValueOrDefault(id) : null;
    }

    /// <summary>The organisation the member goes to: the outside one for a letter out or a temporary transfer, else our cell.</summary>
    public static string? To(Row row, IReadOnlyDictionary<int, string> cellNames)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(cellNames);
        return row.Kind is TransferKind.OfficialOut or TransferKind.TemporaryOut ? row.External
            : row.ToCellId is { } id ? cellNames.GetValueOrDefault(id) : null;
    }

    private async Task<IQueryable<Row>> TransfersAsync(CancellationToken ct)
    {
        var (found, path) = await ChosenAsync(ct);
        CellNames = await TransferAccess.CellNamesAsync(directory, ct);
        if (!found) return Project(Db.Transfers.Where(_ => false));
        var transfers = await TransferAccess.InScopeAsync(Db, _access, Capability.ViewRegisters, path, ct);

        var parts = new List<string>();
        if (Enum.TryParse<TransferKind>(Kind, out var kind) && Enum.IsDefined(kind))
        {
            transfers = transfers.Where(t => t.Kind == kind);
            parts.Add(kind.DisplayName());
        }
        if (Year is { } y and >= 1930 and <= 9999)
        {
            var (from, to, text) = Quarter is { } q and >= 1 and <= 4
                ? (new DateOnly(y, 3 * q - 2, 1), new DateOnly(y, 3 * q, 1).AddMonths(1).AddDays(-1), $"quý {q} năm {y}")
                : (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31), $"năm {y}");
            transfers = transfers.Where(t => t.StartedOn >= from && t.StartedOn <= to);
            parts.Add(text);
        }
        FilterText = parts.Count == 0 ? null : string.Join(", ", parts);
        return Project(transfers);
    }

    private static IQueryable<Row> Project(IQueryable<Transfer> transfers) => transfers
        .OrderBy(t => t.StartedOn).ThenBy(t => t.Id)
        .Select(t => new Row(t.Id, t.Kind, t.Status, t.MemberId,
            t.Member != null ? t.Member.FullName : t.GuestName ?? "",
            t.Member != null ? t.Member.DateOfBirth : null,
            t.Member != null ? t.Member.PartyCardNumber : t.GuestCardNumber,
            t.FromCellId, t.ToCellId, t.ExternalOrganization, t.LetterNumber, t.StartedOn, t.Deadline, t.PeriodEnd, t.CompletedOn));
}
