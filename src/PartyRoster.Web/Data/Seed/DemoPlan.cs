using System.Globalization;
using PartyRoster.Domain.Organizations;

namespace PartyRoster.Web.Data.Seed;

/// <summary>What kind of unit an organisation serves: drives members' ages, occupations and education.</summary>
internal enum UnitKind
{
    School,
    Hospital,
    Company,
    Police,
    Military,
    Government,
    Residential,
}

/// <summary>One organisation of the demo tree before it is saved.</summary>
internal sealed class PlannedOrganization(string name, string code, OrganizationKind kind, UnitKind unit, PlannedOrganization? parent)
{
    public string Name { get; } = name;
    public string Code { get; } = code;
    public OrganizationKind Kind { get; } = kind;
    public UnitKind Unit { get; } = unit;
    public PlannedOrganization? Parent { get; } = parent;
    public List<PlannedOrganization> Children { get; } = [];
    /// <summary>Members to generate (cells only).</summary>
    public int MemberCount { get; set; }
    /// <summary>Tổ dân phố of a residential cell ("Chi bộ Khu phố 3" → 3), for members' addresses.</summary>
    public int? Neighbourhood { get; init; }
    /// <summary>The workplace written on members' records ("Trường THPT Nguyễn Trãi"); null for residential cells.</summary>
    public string? Workplace { get; init; }
    public DateOnly EstablishedOn { get; init; }
    public Organization? Entity { get; set; }

    public int Depth => Parent is null ? 0 : Parent.Depth + 1;
}

/// <summary>
/// The demo organisation tree (domain.md §1, §9): one managing committee, 25 đảng bộ cơ sở with their
/// chi bộ trực thuộc (two through a đảng bộ bộ phận) and 45 chi bộ cơ sở: 70 TCCSĐ, ≈ 8,700 members.
/// Larger member counts (the 200k benchmark) add further TCCSĐ of the same shape after the first 70,
/// so the codes of the named demo organisations (and the demo accounts) never change.
/// </summary>
internal static class DemoPlan
{
    public const int DemoMemberCount = 8_700;
    public const int MinimumMemberCount = 2_000;
    public const string RootCode = "DB";
    public const string RootName = "Đảng bộ phường Hòa Bình";
    public const string WardName = "Hòa Bình";
    public const string ProvinceName = "Phú Thọ";
    private const int CuratedGrassroots = 70;
    private const int MinCellSize = 3;
    private const int MaxCellSize = 60;

    private sealed record CommitteeSpec(string Name, UnitKind Unit, string? SubCommittee = null);

    // DB.01–DB.25. DB.01 and its first cell carry the demo accounts danguy@ and bithu2@.
    private static readonly CommitteeSpec[] Committees =
    [
        new("Đảng bộ Trường THPT Nguyễn Trãi", UnitKind.School),
        new("Đảng bộ Quân sự phường", UnitKind.Military),
        new("Đảng bộ Công an phường", UnitKind.Police),
        new("Đảng bộ Bệnh viện Đa khoa Hòa Bình", UnitKind.Hospital, "Đảng bộ bộ phận Khối Lâm sàng"),
        new("Đảng bộ Khối Cơ quan phường", UnitKind.Government),
        new("Đảng bộ Công ty Thủy điện Hòa Bình", UnitKind.Company, "Đảng bộ bộ phận Phân xưởng Vận hành"),
        new("Đảng bộ Trường THPT Lạc Long Quân", UnitKind.School),
        new("Đảng bộ Trường THPT Chuyên Hoàng Văn Thụ", UnitKind.School),
        new("Đảng bộ Công ty Điện lực Hòa Bình", UnitKind.Company),
        new("Đảng bộ Bệnh viện Y học cổ truyền", UnitKind.Hospital),
        new("Đảng bộ Công ty Cổ phần Môi trường đô thị", UnitKind.Company),
        new("Đảng bộ Trường Cao đẳng Sư phạm", UnitKind.School),
        new("Đảng bộ Công ty Cổ phần Xây dựng số 1", UnitKind.Company),
        new("Đảng bộ Trung tâm Y tế khu vực", UnitKind.Hospital),
        new("Đảng bộ Công ty TNHH Một thành viên Cấp nước", UnitKind.Company),
        new("Đảng bộ Trường THCS Hữu Nghị", UnitKind.School),
        new("Đảng bộ Ngân hàng Nông nghiệp chi nhánh Hòa Bình", UnitKind.Company),
        new("Đảng bộ Công ty Cổ phần May Hòa Bình", UnitKind.Company),
        new("Đảng bộ Bưu điện khu vực", UnitKind.Company),
        new("Đảng bộ Trường Trung cấp Nghề", UnitKind.School),
        new("Đảng bộ Công ty Xăng dầu", UnitKind.Company),
        new("Đảng bộ Công ty Cổ phần Vận tải", UnitKind.Company),
        new("Đảng bộ Viễn thông khu vực", UnitKind.Company),
        new("Đảng bộ Trường THCS Lê Quý Đôn", UnitKind.School),
        new("Đảng bộ Chi cục Thuế khu vực", UnitKind.Government),
    ];

    // DB.26–DB.70 after the 28 residential cells ("Chi bộ Khu phố 1" = DB.26 carries bithu@).
    private static readonly (string Name, UnitKind Unit)[] NamedGrassrootsCells =
    [
        ("Chi bộ Trường Tiểu học Kim Đồng", UnitKind.School),
        ("Chi bộ Trường Tiểu học Võ Thị Sáu", UnitKind.School),
        ("Chi bộ Trường Tiểu học Lê Văn Tám", UnitKind.School),
        ("Chi bộ Trường Mầm non Hoa Sen", UnitKind.School),
        ("Chi bộ Trường Mầm non Hoa Hồng", UnitKind.School),
        ("Chi bộ Trường Mầm non Sơn Ca", UnitKind.School),
        ("Chi bộ Trường THCS Thái Thịnh", UnitKind.School),
        ("Chi bộ Trạm Y tế phường", UnitKind.Hospital),
        ("Chi bộ Cơ quan Mặt trận Tổ quốc và các đoàn thể", UnitKind.Government),
        ("Chi bộ Kho bạc Nhà nước khu vực", UnitKind.Government),
        ("Chi bộ Văn phòng Đăng ký đất đai", UnitKind.Government),
        ("Chi bộ Trung tâm Văn hóa – Thể thao", UnitKind.Government),
        ("Chi bộ Ban Quản lý chợ", UnitKind.Government),
        ("Chi bộ Công ty Cổ phần Dược phẩm", UnitKind.Company),
        ("Chi bộ Hợp tác xã Dịch vụ nông nghiệp", UnitKind.Company),
        ("Chi bộ Công ty TNHH Thương mại Minh Phát", UnitKind.Company),
        ("Chi bộ Bảo hiểm xã hội khu vực", UnitKind.Government),
    ];

    private const int ResidentialGrassrootsCells = 28;

    private static readonly Dictionary<UnitKind, string[]> CellNames = new()
    {
        [UnitKind.School] = ["Tổ Toán – Tin", "Tổ Ngữ văn", "Tổ Ngoại ngữ", "Tổ Khoa học tự nhiên", "Tổ Lịch sử – Địa lý",
            "Tổ Giáo dục thể chất – Quốc phòng", "Văn phòng", "Tổ Công nghệ – Nghệ thuật", "Tổ Giáo dục công dân"],
        [UnitKind.Hospital] = ["Khoa Nội", "Khoa Ngoại", "Khoa Sản", "Khoa Nhi", "Khoa Hồi sức cấp cứu", "Khoa Xét nghiệm",
            "Khoa Dược", "Phòng Kế hoạch tổng hợp", "Phòng Hành chính – Tài chính", "Khoa Chẩn đoán hình ảnh",
            "Khoa Truyền nhiễm", "Khoa Mắt"],
        [UnitKind.Company] = ["Phòng Tổ chức – Hành chính", "Phòng Tài chính – Kế toán", "Phòng Kỹ thuật", "Phòng Kinh doanh",
            "Phân xưởng 1", "Phân xưởng 2", "Phân xưởng 3", "Đội Sản xuất số 1", "Đội Sản xuất số 2", "Phòng Vật tư",
            "Phòng An toàn", "Tổ Bảo vệ"],
        [UnitKind.Police] = ["Đội Tổng hợp", "Đội An ninh", "Đội Cảnh sát hình sự", "Đội Cảnh sát giao thông – trật tự",
            "Đội Cảnh sát quản lý hành chính", "Tổ Công an khu vực 1", "Tổ Công an khu vực 2", "Tổ Công an khu vực 3"],
        [UnitKind.Military] = ["Ban Chỉ huy Quân sự phường", "Trung đội Dân quân cơ động", "Dân quân tự vệ khối Cơ quan",
            "Dân quân Khu phố 1–10", "Dân quân Khu phố 11–20", "Dân quân Khu phố 21–28"],
        [UnitKind.Government] = ["Văn phòng Đảng ủy", "Văn phòng HĐND và UBND", "Phòng Kinh tế", "Phòng Văn hóa – Xã hội",
            "Trung tâm Phục vụ hành chính công", "Ủy ban Mặt trận Tổ quốc", "Khối Đoàn thể", "Phòng Quản lý đô thị"],
    };

    // Names for the extra TCCSĐ of large (benchmark) trees, numbered after the curated ones.
    private static readonly (string Prefix, UnitKind Unit)[] ExtraCommittees =
    [
        ("Đảng bộ Trường THPT số", UnitKind.School),
        ("Đảng bộ Công ty Cổ phần Sản xuất số", UnitKind.Company),
        ("Đảng bộ Bệnh viện khu vực số", UnitKind.Hospital),
        ("Đảng bộ Công ty TNHH Dịch vụ số", UnitKind.Company),
        ("Đảng bộ Khối Cơ quan số", UnitKind.Government),
    ];

    private static readonly (string Prefix, UnitKind Unit)[] ExtraCells =
    [
        ("Chi bộ Khu phố", UnitKind.Residential),
        ("Chi bộ Trường Tiểu học số", UnitKind.School),
        ("Chi bộ Khu phố", UnitKind.Residential),
        ("Chi bộ Trường Mầm non số", UnitKind.School),
        ("Chi bộ Cơ quan số", UnitKind.Government),
    ];

    /// <summary>Builds the tree and spreads exactly <paramref name="memberCount"/> members over its cells.</summary>
    public static PlannedOrganization Build(Random rng, int memberCount)
    {
        if (memberCount < MinimumMemberCount)
            throw new ArgumentOutOfRangeException(nameof(memberCount), $"At least {MinimumMemberCount} members.");

        var root = new PlannedOrganization(RootName, RootCode, OrganizationKind.ManagingCommittee, UnitKind.Government, null)
        {
            // The ward committees took over this role on 1 July 2025 (domain.md).
            EstablishedOn = new DateOnly(2025, 7, 1),
        };

        var grassrootsCount = Math.Max(CuratedGrassroots, (int)Math.Round(CuratedGrassroots * (double)memberCount / DemoMemberCount));
        var extraNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var neighbourhood = ResidentialGrassrootsCells;
        for (var i = 0; i < grassrootsCount; i++)
        {
            var code = RootCode + "." + (i + 1).ToString("D2", CultureInfo.InvariantCulture);
            var established = RandomDate(rng, new DateOnly(1985, 1, 1), new DateOnly(2020, 12, 31));
            PlannedOrganization tccsd;
            if (i < Committees.Length || (i >= CuratedGrassroots && (i - CuratedGrassroots) % 14 < 5))
            {
                CommitteeSpec spec;
                if (i < Committees.Length)
                {
                    spec = Committees[i];
                }
                else
                {
                    var (prefix, unit) = ExtraCommittees[(i - CuratedGrassroots) % ExtraCommittees.Length];
                    var n = extraNumbers[prefix] = extraNumbers.GetValueOrDefault(prefix) + 1;
                    spec = new CommitteeSpec($"{prefix} {n}", unit, (i - CuratedGrassroots) % 12 == 7 ? "Đảng bộ bộ phận Khối Sản xuất" : null);
                }
                tccsd = new PlannedOrganization(spec.Name, code, OrganizationKind.GrassrootsCommittee, spec.Unit, root)
                {
                    EstablishedOn = established,
                    Workplace = WorkplaceOf(spec.Name),
                };
                AddCells(rng, tccsd, spec.SubCommittee);
            }
            else
            {
                string name;
                UnitKind unit;
                int? hood = null;
                var cellIndex = i - Committees.Length;
                if (i < CuratedGrassroots && cellIndex < ResidentialGrassrootsCells)
                {
                    hood = cellIndex + 1;
                    (name, unit) = ($"Chi bộ Khu phố {hood}", UnitKind.Residential);
                }
                else if (i < CuratedGrassroots)
                {
                    (name, unit) = NamedGrassrootsCells[cellIndex - ResidentialGrassrootsCells];
                }
                else
                {
                    var (prefix, u) = ExtraCells[(i - CuratedGrassroots) % ExtraCells.Length];
                    unit = u;
                    if (unit == UnitKind.Residential)
                    {
                        hood = ++neighbourhood;
                        name = $"{prefix} {hood}";
                    }
                    else
                    {
                        var n = extraNumbers[prefix] = extraNumbers.GetValueOrDefault(prefix) + 1;
                        name = $"{prefix} {n}";
                    }
                }
                tccsd = new PlannedOrganization(name, code, OrganizationKind.GrassrootsCell, unit, root)
                {
                    EstablishedOn = established,
                    Neighbourhood = hood,
                    Workplace = unit == UnitKind.Residential ? null : WorkplaceOf(name),
                    // A chi bộ cơ sở has fewer than 30 members (domain.md §1).
                    MemberCount = code == "DB.26" ? 25 : rng.Next(10, 30),
                };
            }
            root.Children.Add(tccsd);
        }

        SpreadMembers(rng, root, memberCount);
        return root;
    }

    /// <summary>Every organisation, parents before children (the order they must be saved in).</summary>
    public static IEnumerable<PlannedOrganization> BreadthFirst(PlannedOrganization root)
    {
        var queue = new Queue<PlannedOrganization>([root]);
        while (queue.Count > 0)
        {
            var o = queue.Dequeue();
            yield return o;
            foreach (var c in o.Children) queue.Enqueue(c);
        }
    }

    public static DateOnly RandomDate(Random rng, DateOnly from, DateOnly to) =>
        to <= from ? from : from.AddDays(rng.Next(to.DayNumber - from.DayNumber + 1));

    private static void AddCells(Random rng, PlannedOrganization committee, string? subCommitteeName)
    {
        var count = rng.Next(3, 13);
        var names = CellNames[committee.Unit];
        PlannedOrganization? sub = null;
        var subCells = 0;
        if (subCommitteeName is not null)
        {
            sub = new PlannedOrganization(subCommitteeName, committee.Code + ".01", OrganizationKind.SubCommittee, committee.Unit, committee)
            {
                EstablishedOn = committee.EstablishedOn,
                Workplace = committee.Workplace,
            };
            committee.Children.Add(sub);
            count = Math.Max(count, 6);
            subCells = count / 2;
        }

        for (var j = 0; j < count; j++)
        {
            var name = "Chi bộ " + (j < names.Length ? names[j] : $"số {j + 1}");
            var parent = j < subCells ? sub! : committee;
            var code = parent.Code + "." + (parent.Children.Count + 1).ToString("D2", CultureInfo.InvariantCulture);
            parent.Children.Add(new PlannedOrganization(name, code, OrganizationKind.Cell, committee.Unit, parent)
            {
                EstablishedOn = committee.EstablishedOn.AddDays(rng.Next(0, 400)),
                Workplace = committee.Workplace,
            });
        }
    }

    /// <summary>
    /// Gives each chi bộ trực thuộc a size between 3 and 60 (mostly 25–50) so that the whole tree holds
    /// exactly <paramref name="total"/> members; chi bộ cơ sở keep the 10–29 drawn in <see cref="Build"/>.
    /// </summary>
    private static void SpreadMembers(Random rng, PlannedOrganization root, int total)
    {
        var all = BreadthFirst(root).ToList();
        var cells = all.Where(o => o.Kind == OrganizationKind.Cell).ToList();
        var remaining = total - all.Where(o => o.Kind == OrganizationKind.GrassrootsCell).Sum(o => o.MemberCount);
        if (remaining < cells.Count * MinCellSize)
            throw new ArgumentOutOfRangeException(nameof(total), "Too few members for the demo tree.");

        // Triangular draw on [3, 60] with its mode at 45: a few tiny cells, most between 25 and 50.
        var raw = cells.Select(_ => Triangular(rng, MinCellSize, MaxCellSize, 45)).ToArray();
        var scale = remaining / raw.Sum();
        for (var i = 0; i < cells.Count; i++)
            cells[i].MemberCount = Math.Clamp((int)Math.Round(raw[i] * scale), MinCellSize, MaxCellSize);

        // Nudge sizes one member at a time (random cells) until the total is exact; allow > 60 only if needed.
        var diff = remaining - cells.Sum(c => c.MemberCount);
        var upper = MaxCellSize;
        while (diff != 0)
        {
            var moved = false;
            foreach (var cell in cells.OrderBy(_ => rng.Next()))
            {
                if (diff > 0 && cell.MemberCount < upper) { cell.MemberCount++; diff--; moved = true; }
                else if (diff < 0 && cell.MemberCount > MinCellSize) { cell.MemberCount--; diff++; moved = true; }
                if (diff == 0) break;
            }
            if (!moved) upper = int.MaxValue;
        }
    }

    private static double Triangular(Random rng, double min, double max, double mode)
    {
        var u = rng.NextDouble();
        var f = (mode - min) / (max - min);
        return u < f
            ? min + Math.Sqrt(u * (max - min) * (mode - min))
            : max - Math.Sqrt((1 - u) * (max - min) * (max - mode));
    }

    private static string WorkplaceOf(string organisationName)
    {
        foreach (var prefix in new[] { "Đảng bộ bộ phận ", "Đảng bộ ", "Chi bộ " })
        {
            if (organisationName.StartsWith(prefix, StringComparison.Ordinal)) return organisationName[prefix.Length..];
        }
        return organisationName;
    }
}
