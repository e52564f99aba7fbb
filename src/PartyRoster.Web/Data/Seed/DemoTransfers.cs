using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Calendar;
using PartyRoster.Domain.Inspection;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;
using PartyRoster.Domain.Rules;
using PartyRoster.Domain.Transfers;

namespace PartyRoster.Web.Data.Seed;

/// <summary>
/// Demo transfers and proceedings (issue #4 point 4): about thirty of each kind over the last year, with
/// letters waiting for their slip, late, and more than three months late (some in the demo đảng ủy's and
/// secretaries' cells, so every demo login's list has something in it), members away and guests (some past the
/// end of their period), and a few UBKT proceedings, one of them blocking a transfer.
/// </summary>
/// <remarks>
/// The members the base seed marked as transferred out or temporarily away get the records that explain it
/// (a confirmed letter on the day they left; a temporary period), so the roll and the transfers agree.
/// Everything goes through the domain (<see cref="Transfer"/>, <see cref="MemberProceeding"/>), deterministic
/// for a given seed and day, and is saved with one normal, audited SaveChanges like the demo cases.
/// Cell sizes stay within the demo's bounds (3–60 members; a chi bộ cơ sở under 30), and the cells of the demo
/// cases keep the official members their ballots counted: there, only changes that leave that number alone
/// (temporary transfers, guests, proceedings).
/// </remarks>
internal sealed class DemoTransfers
{
    private const int MaxCellSize = 55;
    private const int MaxGrassrootsCellSize = 27;
    private const int MinCellSize = 6;

    private static readonly string[] Destinations =
    [
        "Đảng ủy phường Việt Trì, tỉnh Phú Thọ", "Đảng ủy xã Yên Mông, tỉnh Phú Thọ", "Đảng ủy phường Ba Đình, thành phố Hà Nội",
        "Đảng ủy phường Cầu Giấy, thành phố Hà Nội", "Đảng ủy xã Nghĩa Lạc, tỉnh Ninh Bình", "Đảng ủy phường Sài Gòn, Thành phố Hồ Chí Minh",
        "Đảng ủy Công an tỉnh Phú Thọ", "Đảng ủy phường Hạ Long, tỉnh Quảng Ninh", "Đảng ủy xã Thanh Sơn, tỉnh Phú Thọ",
        "Đảng ủy phường Hải Châu, thành phố Đà Nẵng", "Đảng ủy phường Hồng Bàng, thành phố Hải Phòng", "Đảng ủy xã Cao Phong, tỉnh Phú Thọ",
    ];

    private static readonly string[] TemporaryPlaces =
    [
        "Chi bộ Học viên, Đảng bộ Học viện Chính trị khu vực I", "Chi bộ Sinh viên, Đảng bộ Trường Đại học Sư phạm Hà Nội",
        "Chi bộ Công trường, Đảng bộ Tổng công ty Sông Đà", "Chi bộ Tổ dân phố 12, Đảng ủy phường Cầu Giấy, thành phố Hà Nội",
        "Chi bộ Thôn 5, Đảng ủy xã Cao Phong, tỉnh Phú Thọ", "Chi bộ Ban Dự án, Đảng bộ Công ty Điện lực miền Bắc",
        "Chi bộ Khu công nghiệp, Đảng ủy phường Phúc Yên, tỉnh Phú Thọ",
    ];

    private static readonly string[] GuestHomes =
    [
        "Chi bộ Phòng Kỹ thuật, Đảng bộ Công ty Xi măng Vissai, tỉnh Ninh Bình", "Chi bộ Thôn Đồng Tâm, Đảng ủy xã Yên Thủy, tỉnh Phú Thọ",
        "Chi bộ Khoa Nội, Đảng bộ Bệnh viện Bạch Mai", "Chi bộ Tổ dân phố 4, Đảng ủy phường Thanh Xuân, thành phố Hà Nội",
        "Chi bộ Trường Tiểu học Hoa Lư, Đảng ủy xã Hoa Lư, tỉnh Ninh Bình", "Chi bộ Đội Thi công số 2, Đảng bộ Công ty Cầu đường 10",
        "Chi bộ Sinh viên, Đảng bộ Trường Đại học Thủy lợi",
    ];

    private readonly PartyRosterDbContext _db;
    private readonly Random _rng;
    private readonly DateOnly _today;
    private readonly RuleBook _rules = RuleBook.Default;
    private readonly WorkingDayCalendar _calendar = VietnameseHolidays.Calendar;
    private readonly Dictionary<int, PlannedOrganization> _cells;
    private readonly List<Transfer> _transfers = [];
    private readonly List<MemberProceeding> _proceedings = [];
    private readonly HashSet<int> _used = [];
    private HashSet<int> _caseCells = null!;
    private Dictionary<int, int> _cellSizes = null!;
    private List<(int Id, int CellId)> _active = null!;
    private HashSet<string> _citizenIds = null!;
    private HashSet<string> _partyCards = null!;
    private DemoMembers _generator = null!;
    private int _letterNumber = 11;

    private DemoTransfers(PartyRosterDbContext db, IEnumerable<PlannedOrganization> organizations, DateOnly today, int seed)
    {
        _db = db;
        _today = today;
        // Its own stream: adding transfers must not change what the other demo seeds generate.
        _rng = new Random(unchecked(seed * 31 + 9));
        _cells = organizations.Where(o => o.Kind.HoldsMembers()).ToDictionary(o => o.Entity!.Id);
    }

    /// <summary>Creates and saves the demo transfers and proceedings; returns the number of members received from outside.</summary>
    /// <param name="organizations">The demo tree as planned and saved (units and addresses come from it).</param>
    public static async Task<int> SeedAsync(PartyRosterDbContext db, IReadOnlyList<PlannedOrganization> organizations, DateOnly today, int seed, CancellationToken ct)
    {
        // The demo cases are saved: start from a clean tracker, with the planned organisations attached as they
        // are (unchanged), so placing a member in one refers to it rather than inserting it again.
        db.ChangeTracker.Clear();
        db.Organizations.AttachRange(organizations.Select(o => o.Entity!));
        var demo = new DemoTransfers(db, organizations, today, seed);
        await demo.LoadAsync(ct);
        await demo.BuildAsync(ct);
        db.Transfers.AddRange(demo._transfers);
        db.MemberProceedings.AddRange(demo._proceedings);
        await db.SaveChangesAsync(ct);
        return demo._transfers.Count(t => t.Kind == TransferKind.OfficialIn);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        _cellSizes = await _db.Members.GroupBy(m => m.OrganizationId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var caseMembers = _db.ScreeningCases.Select(c => c.MemberId);
        _caseCells = [.. await _db.ScreeningCases.Select(c => c.CellId).Distinct().ToListAsync(ct)];
        var active = await _db.Members.AsNoTracking()
            .Where(m => m.RollState == RollState.Active && !caseMembers.Contains(m.Id))
            .OrderBy(m => m.Id).Select(m => new { m.Id, m.OrganizationId, m.FullName }).ToListAsync(ct);
        // The featured names stay where the search demo expects them.
        _active = [.. active.Where(m => m.FullName is not ("Nguyễn Văn An" or "Đặng Thị Hoa")).Select(m => (m.Id, m.OrganizationId))];
        _citizenIds = [.. await _db.Members.Where(m => m.CitizenId != null).Select(m => m.CitizenId!).ToListAsync(ct)];
        _partyCards = [.. await _db.Members.Where(m => m.PartyCardNumber != null).Select(m => m.PartyCardNumber!).ToListAsync(ct)];
        _generator = new DemoMembers(_rng, _today);
    }

    private async Task BuildAsync(CancellationToken ct)
    {
        await ExplainBaseSeedAsync(ct);
        Proceedings();

        // Official-out letters: more than three months late (the grassroots committee's list), late, waiting, confirmed.
        foreach (var code in new[] { "DB.01.", "DB.01.", null, null, null })
            await OfficialOutAsync(code, IssueDateForDeadlineBy(_today.AddMonths(-3).AddDays(-Gap(6, 60))), confirm: false, ct);
        foreach (var code in new[] { "DB.01.", null, null, null })
            await OfficialOutAsync(code, IssueDateForDeadlineBy(_today.AddDays(-Gap(8, 70))), confirm: false, ct);
        foreach (var code in new[] { "DB.01.", null, null, null, null, null })
            await OfficialOutAsync(code, _today.AddDays(-Gap(0, 30)), confirm: false, ct);
        for (var i = 0; i < 15; i++)
            await OfficialOutAsync(i < 2 ? "DB.01." : null, _today.AddDays(-Gap(50, 355)), confirm: true, ct);

        // Moves between cells of the đảng bộ.
        for (var i = 0; i < 30; i++)
            await InternalAsync(i < 4 ? "DB.01." : null, ct);

        // Members received from outside, with their records.
        for (var i = 0; i < 30; i++)
            OfficialIn(i < 3 ? "DB.01." : null);

        // Temporary transfers of our members that are over, and two under way in the demo secretaries' cells.
        for (var i = 0; i < 16; i++)
            await TemporaryOutAsync(null, _today.AddDays(-Gap(150, 360)), returned: true, ct);
        foreach (var code in new[] { "DB.26", "DB.01.01" })
            await TemporaryOutAsync(code, _today.AddDays(-Gap(20, 60)), returned: false, ct);

        // Guests from other organisations: some still attending (a few past their end), most gone home.
        for (var i = 0; i < 30; i++)
            Guest(i switch { < 2 => "DB.26", < 4 => "DB.01.01", _ => null }, ongoing: i < 12);
    }

    // ---------------------------------------------------------------- the base seed's leavers and absentees

    /// <summary>
    /// The base seed marks some members transferred out or temporarily away; give each the record behind it:
    /// a letter on the day they left (with its slip once one would have come back), or a temporary period.
    /// </summary>
    private async Task ExplainBaseSeedAsync(CancellationToken ct)
    {
        var away = await _db.Members.Where(m => m.RollState == RollState.TransferredOut || m.RollState == RollState.TemporarilyAway)
            .OrderBy(m => m.Id).ToListAsync(ct);
        foreach (var member in away)
        {
            _used.Add(member.Id);
            if (member.RollState == RollState.TransferredOut)
            {
                var issuedOn = member.LeftOn!.Value;
                member.Reinstate("Dữ liệu mẫu: ghi lại giấy giới thiệu chuyển sinh hoạt");
                var letter = IssueOut(member, issuedOn);
                var slip = issuedOn.AddDays(Gap(7, 45));
                if (slip <= _today) letter.ConfirmPresented(slip, $"Phiếu báo của {letter.ExternalOrganization}", _today);
            }
            else
            {
                member.SetRollStateOnRoll(RollState.Active);
                // Mostly still within their period; about one in eight past its end without a recorded return.
                SendAway(member, _today.AddDays(-Gap(15, 240)), Gap(0, 7) == 0 ? Period.Any : Period.Current);
            }
        }
    }

    // ---------------------------------------------------------------- proceedings

    private void Proceedings()
    {
        // An open inspection in the demo secretary's cell of the demo đảng ủy: that member cannot be transferred.
        _proceedings.Add(new MemberProceeding(Take("DB.01.01").Id, ProceedingKind.Inspection, _today.AddDays(-Gap(30, 45)), "05-QĐ/UBKT",
            "Kiểm tra đảng viên khi có dấu hiệu vi phạm trong việc kê khai tài sản, thu nhập.", _today));
        _proceedings.Add(new MemberProceeding(Take("DB.26").Id, ProceedingKind.Complaint, _today.AddDays(-Gap(10, 20)), "12-TB/UBKT",
            "Giải quyết đơn tố cáo về việc vi phạm quy định những điều đảng viên không được làm.", _today));
        _proceedings.Add(new MemberProceeding(Take(null).Id, ProceedingKind.Suspension, _today.AddDays(-Gap(50, 70)), "03-QĐ/UBKT",
            "Đình chỉ sinh hoạt đảng trong thời gian xem xét kỷ luật.", _today));

        var closedInspection = new MemberProceeding(Take(null).Id, ProceedingKind.Inspection, _today.AddDays(-Gap(150, 200)), "02-QĐ/UBKT",
            "Kiểm tra việc chấp hành nghị quyết của chi bộ.", _today);
        closedInspection.Close(_today.AddDays(-Gap(60, 90)), "Kết luận: đảng viên chưa đến mức phải xử lý kỷ luật; chi bộ nhắc nhở, kiểm điểm rút kinh nghiệm.", _today);
        var closedComplaint = new MemberProceeding(Take(null).Id, ProceedingKind.Complaint, _today.AddDays(-Gap(100, 130)), "07-TB/UBKT",
            "Giải quyết đơn khiếu nại về kết quả đánh giá, xếp loại.", _today);
        closedComplaint.Close(_today.AddDays(-Gap(20, 40)), "Nội dung khiếu nại không có cơ sở; giữ nguyên kết quả đánh giá của chi bộ.", _today);
        _proceedings.AddRange([closedInspection, closedComplaint]);
    }

    // ---------------------------------------------------------------- transfers

    private async Task OfficialOutAsync(string? code, DateOnly issuedOn, bool confirm, CancellationToken ct)
    {
        var member = await TrackedAsync(Take(code, changesRoll: true).Id, ct);
        var letter = IssueOut(member, issuedOn);
        if (!confirm) return;
        var slip = issuedOn.AddDays(Gap(7, 55));
        letter.ConfirmPresented(slip > _today ? _today : slip, $"Phiếu báo của {letter.ExternalOrganization}", _today);
    }

    private Transfer IssueOut(Member member, DateOnly issuedOn)
    {
        var letter = Transfer.IssueOfficialOut(member, [], $"{_letterNumber++:D2}-GT/ĐU", issuedOn, Pick(Destinations),
            Pick("Chuyển nơi cư trú theo gia đình.", "Chuyển công tác.", "Nghỉ hưu, về sống cùng con.", null), _calendar, _rules, _today);
        _transfers.Add(letter);
        return letter;
    }

    /// <summary>The latest letter date whose presentation deadline (30 working days later) is on or before <paramref name="deadline"/>.</summary>
    private DateOnly IssueDateForDeadlineBy(DateOnly deadline)
    {
        var issued = deadline.AddDays(-40);
        while (_calendar.AddWorkingDays(issued, _rules.InForceOn(issued).TransferPresentationWorkingDays.Value) > deadline)
            issued = issued.AddDays(-1);
        return issued;
    }

    private async Task InternalAsync(string? code, CancellationToken ct)
    {
        var (id, cellId) = Take(code, changesRoll: true);
        var from = _cells[cellId];
        // Between cells of one đảng bộ cơ sở when it has another; otherwise (chi bộ cơ sở) to another chi bộ cơ sở.
        var committee = CommitteeCode(from);
        var target = PickCell(c => c.Entity!.Id != cellId && (committee is null ? c.Kind == from.Kind && CommitteeCode(c) is null : CommitteeCode(c) == committee))
            ?? PickCell(c => c.Entity!.Id != cellId && CommitteeCode(c) is null)!;
        var member = await TrackedAsync(id, ct);
        var on = _today.AddDays(-Gap(3, 360));
        _transfers.Add(Transfer.MoveWithin(member, target.Entity!, [], on, Gap(0, 2) == 0 ? null : $"{Gap(20, 90)}-QĐ/ĐU",
            Pick("Chuyển nơi công tác trong đơn vị.", "Chuyển nơi cư trú trong phường.", null), _today));
        _cellSizes[cellId]--;
        _cellSizes[target.Entity!.Id] = _cellSizes.GetValueOrDefault(target.Entity!.Id) + 1;
    }

    private void OfficialIn(string? code)
    {
        var cell = PickCell(c => code is null || c.Code.StartsWith(code, StringComparison.Ordinal))!;
        var receivedOn = _today.AddDays(-Gap(2, 360));
        Member member;
        do
        {
            member = _generator.Create(cell, 1000 + _transfers.Count);
        }
        while (member.RollState != RollState.Active || member.AdmissionDecisionDate > receivedOn
               || (member.CitizenId is { } cid && _citizenIds.Contains(cid))
               || (member.PartyCardNumber is { } card && _partyCards.Contains(card)));
        if (member.CitizenId is { } newId) _citizenIds.Add(newId);
        if (member.PartyCardNumber is { } newCard) _partyCards.Add(newCard);
        _db.Members.Add(member);
        _transfers.Add(Transfer.ReceiveOfficial(member, $"{Gap(5, 180)}-GT/ĐU", receivedOn, Pick(Destinations), null, _today));
        _cellSizes[cell.Entity!.Id] = _cellSizes.GetValueOrDefault(cell.Entity!.Id) + 1;
    }

    private async Task TemporaryOutAsync(string? code, DateOnly from, bool returned, CancellationToken ct)
    {
        var member = await TrackedAsync(Take(code).Id, ct);
        var away = SendAway(member, from, returned ? Period.Short : Period.Current);
        if (!returned) return;
        var back = away.PeriodEnd!.Value.AddDays(Gap(-5, 10));
        away.RecordReturn(member, back > _today ? _today : back, null, _today);
    }

    private enum Period { Short, Current, Any }

    private Transfer SendAway(Member member, DateOnly from, Period period)
    {
        var study = period != Period.Short && Gap(0, 4) == 0;
        var purpose = study ? TemporaryPurpose.Study : Gap(0, 1) == 0 ? TemporaryPurpose.Work : TemporaryPurpose.Residence;
        var max = study ? 24 : 11;
        // A current period runs at least one month past today.
        var elapsed = (_today.Year - from.Year) * 12 + _today.Month - from.Month;
        var months = period switch
        {
            Period.Short => Gap(3, 5),
            Period.Current => Gap(Math.Max(3, elapsed + 1), max),
            _ => Gap(3, max),
        };
        var away = Transfer.SendTemporary(member, purpose, from, from.AddMonths(months), $"{Gap(2, 60)}-GTT/ĐU", Pick(TemporaryPlaces), null, _rules, _today);
        _transfers.Add(away);
        return away;
    }

    private void Guest(string? code, bool ongoing)
    {
        var cell = PickCell(c => code is null || c.Code.StartsWith(code, StringComparison.Ordinal), forGuest: true)!;
        var gender = Gap(0, 1) == 0 ? Gender.Male : Gender.Female;
        var from = ongoing ? _today.AddDays(-Gap(10, 250)) : _today.AddDays(-Gap(200, 365));
        var purpose = Gap(0, 5) == 0 ? TemporaryPurpose.Study : Gap(0, 1) == 0 ? TemporaryPurpose.Work : TemporaryPurpose.Residence;
        var months = ongoing ? Gap(3, 11) : Gap(3, 6);
        var guest = Transfer.HostGuest(cell.Entity!, DemoNames.Next(_rng, gender, _rng.Next(1965, 2000)),
            Gap(0, 9) == 0 ? null : _rng.Next(10_000_000, 100_000_000).ToString(CultureInfo.InvariantCulture),
            Pick(GuestHomes), purpose, from, from.AddMonths(months), $"{Gap(2, 90)}-GTT", null, _rules, _today);
        if (!ongoing)
        {
            var end = from.AddMonths(months);
            guest.EndGuestVisit(end > _today ? _today : end, null, _today);
        }
        _transfers.Add(guest);
    }

    // ---------------------------------------------------------------- picking

    /// <summary>
    /// An active member nobody else in the demo uses, from a cell that can spare one (under <paramref name="code"/>
    /// when given); outside the demo cases' cells when the transfer takes them off the cell's roll.
    /// </summary>
    private (int Id, int CellId) Take(string? code, bool changesRoll = false)
    {
        var candidates = _active.Where(m => !_used.Contains(m.Id) && _cellSizes[m.CellId] >= MinCellSize
            && !(changesRoll && _caseCells.Contains(m.CellId))
            && (code is null || _cells[m.CellId].Code.StartsWith(code, StringComparison.Ordinal))).ToList();
        var pick = candidates[_rng.Next(candidates.Count)];
        _used.Add(pick.Id);
        return pick;
    }

    private PlannedOrganization? PickCell(Func<PlannedOrganization, bool> filter, bool forGuest = false)
    {
        var cells = _cells.Values.Where(c => c.Entity!.IsActive && filter(c)
            && (forGuest || (!_caseCells.Contains(c.Entity!.Id)
                && _cellSizes.GetValueOrDefault(c.Entity!.Id) < (CommitteeCode(c) is null ? MaxGrassrootsCellSize : MaxCellSize))))
            .OrderBy(c => c.Entity!.Id).ToList();
        return cells.Count == 0 ? null : cells[_rng.Next(cells.Count)];
    }

    /// <summary>"DB.01" for a cell under a đảng bộ cơ sở; null for a chi bộ cơ sở.</summary>
    private static string? CommitteeCode(PlannedOrganization cell) =>
        cell.Kind == OrganizationKind.GrassrootsCell ? null : string.Join('.', cell.Code.Split('.').Take(2));

    private Task<Member> TrackedAsync(int id, CancellationToken ct) => _db.Members.SingleAsync(m => m.Id == id, ct);

    private T Pick<T>(params T[] options) => options[_rng.Next(options.Length)];

    private int Gap(int min, int max) => max <= min ? min : _rng.Next(min, max + 1);
}
