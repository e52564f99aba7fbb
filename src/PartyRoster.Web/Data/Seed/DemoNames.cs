using PartyRoster.Domain.Members;

namespace PartyRoster.Web.Data.Seed;

/// <summary>
/// Curated Vietnamese names for the demo data. Bogus's "vi" locale mixes up family, middle and given
/// names and lacks gender, so hand-picked lists with realistic weights look far more like a real roster.
/// </summary>
/// <remarks>
/// Family-name weights follow the commonly cited shares (Nguyễn ≈ 38 %, Trần 11 %, Lê 9.5 %, Phạm 7 %…).
/// Older members more often carry "Văn"/"Thị"; younger ones more varied middle names.
/// </remarks>
internal static class DemoNames
{
    public static readonly Weighted<string> FamilyNames = new(
    [
        ("Nguyễn", 380), ("Trần", 110), ("Lê", 95), ("Phạm", 70), ("Hoàng", 30), ("Huỳnh", 20), ("Phan", 45),
        ("Vũ", 25), ("Võ", 25), ("Đặng", 21), ("Bùi", 20), ("Đỗ", 14), ("Hồ", 13), ("Ngô", 13), ("Dương", 10),
        ("Lý", 5), ("Đinh", 10), ("Trịnh", 8), ("Đoàn", 7), ("Lương", 6), ("Mai", 5), ("Cao", 5), ("Đào", 7),
        ("Hà", 5), ("Tạ", 3), ("Lưu", 3), ("Chu", 3), ("Quách", 2), ("Kiều", 2), ("Tô", 3), ("Lâm", 3),
        ("Triệu", 2), ("Vương", 2), ("Thái", 2), ("Khúc", 1), ("Nghiêm", 1), ("Phùng", 3), ("Tăng", 1),
    ]);

    public static readonly Weighted<string> MaleMiddleOld = new(
    [
        ("Văn", 600), ("Đức", 60), ("Hữu", 50), ("Quang", 40), ("Xuân", 40), ("Công", 35), ("Đình", 40),
        ("Ngọc", 25), ("Minh", 25), ("Thanh", 25), ("Mạnh", 15), ("Trọng", 15), ("Thế", 15), ("Bá", 10), ("Khắc", 10),
        ("Viết", 8), ("Kim", 5), ("Tiến", 10),
    ]);

    public static readonly Weighted<string> MaleMiddleYoung = new(
    [
        ("Văn", 250), ("Đức", 70), ("Minh", 80), ("Quang", 50), ("Hữu", 35), ("Thanh", 40), ("Ngọc", 25),
        ("Tuấn", 20), ("Quốc", 35), ("Anh", 20), ("Hoàng", 25), ("Duy", 25), ("Mạnh", 20), ("Xuân", 25),
        ("Trọng", 20), ("Thế", 20), ("Công", 25), ("Đình", 30), ("Gia", 10), ("Trung", 15), ("Việt", 15),
    ]);

    public static readonly Weighted<string> FemaleMiddleOld = new(
    [
        ("Thị", 800), ("Ngọc", 30), ("Thanh", 30), ("Kim", 25), ("Minh", 10), ("Hồng", 20), ("Thu", 20),
        ("Bích", 15), ("Xuân", 15),
    ]);

    public static readonly Weighted<string> FemaleMiddleYoung = new(
    [
        ("Thị", 450), ("Ngọc", 60), ("Thanh", 50), ("Thu", 40), ("Minh", 40), ("Thúy", 25), ("Hồng", 30),
        ("Phương", 30), ("Bích", 15), ("Kim", 20), ("Mai", 15), ("Diệu", 10), ("Hải", 15), ("Khánh", 15),
        ("Quỳnh", 10), ("Bảo", 10), ("Hoài", 10), ("Lan", 10), ("Thùy", 20), ("Hà", 10),
    ]);

    /// <summary>Second middle names in four-word female names ("Nguyễn Thị Thanh Hương").</summary>
    public static readonly string[] FemaleSecondMiddle = ["Thanh", "Thu", "Ngọc", "Minh", "Kim", "Hồng", "Bích", "Thúy", "Phương", "Hải"];

    public static readonly string[] MaleGiven =
    [
        "An", "Anh", "Bảo", "Bình", "Chiến", "Chính", "Công", "Cường", "Dũng", "Duy", "Dương", "Đạt", "Định",
        "Đông", "Đức", "Giang", "Hải", "Hào", "Hậu", "Hiển", "Hiếu", "Hiệp", "Hòa", "Hoàng", "Hợp", "Hùng",
        "Huy", "Hưng", "Hưởng", "Khải", "Khang", "Khánh", "Khoa", "Kiên", "Lâm", "Linh", "Lộc", "Lợi", "Long",
        "Luân", "Lực", "Mạnh", "Minh", "Nam", "Nghĩa", "Nguyên", "Nhân", "Ninh", "Phát", "Phong", "Phú", "Phúc",
        "Phương", "Quân", "Quang", "Quý", "Quyết", "Sơn", "Tài", "Tâm", "Tân", "Thái", "Thắng", "Thành", "Thanh",
        "Thịnh", "Thọ", "Thông", "Thuận", "Tiến", "Toàn", "Trí", "Trung", "Trường", "Tú", "Tuấn", "Tùng",
        "Việt", "Vinh", "Vũ", "Vượng", "Bằng", "Cảnh", "Chung", "Điệp", "Hạnh", "Khôi", "Lương", "Sang", "Tuyên",
    ];

    public static readonly string[] FemaleGiven =
    [
        "An", "Anh", "Bích", "Châu", "Chi", "Cúc", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng", "Hiền",
        "Hoa", "Hòa", "Hồng", "Huệ", "Hương", "Hường", "Huyền", "Lan", "Liên", "Liễu", "Linh", "Loan", "Lụa",
        "Lý", "Mai", "Minh", "My", "Nga", "Ngân", "Ngọc", "Nguyệt", "Nhàn", "Nhung", "Oanh", "Phượng", "Phương",
        "Quyên", "Quỳnh", "Tâm", "Thảo", "Thắm", "Thanh", "Thơ", "Thu", "Thủy", "Thúy", "Thư", "Thương", "Trang",
        "Trinh", "Tuyết", "Uyên", "Vân", "Vy", "Xuân", "Yến", "Hải", "Diệp", "Đào", "Hậu", "Hoài", "Khánh", "Lệ",
        "Luyến", "Mến", "Ngà", "Nhi", "Sen", "Tình", "Vui", "Hảo", "Tươi", "Hiên", "Lành",
    ];

    /// <summary>Mostly Kinh; Mường, Tày, Thái and Dao are common around Hòa Bình, a few Nùng, Hoa, Khmer.</summary>
    public static readonly Weighted<string> Ethnicities = new(
    [
        ("Kinh", 820), ("Mường", 100), ("Tày", 25), ("Thái", 25), ("Dao", 8), ("Nùng", 10), ("Hoa", 7), ("Khmer", 5),
    ]);

    public static readonly Weighted<string> Religions = new(
    [
        (Domain.Members.Religions.None, 900), ("Phật giáo", 65), ("Công giáo", 30), ("Tin Lành", 5),
    ]);

    /// <summary>Province, with its CCCD province code, weighted towards the local province.</summary>
    public static readonly Weighted<(string Province, string Code)> Provinces = new(
    [
        (("Phú Thọ", "025"), 300), (("Hòa Bình", "017"), 350), (("Hà Nội", "001"), 90), (("Ninh Bình", "037"), 40),
        (("Thanh Hóa", "038"), 50), (("Nghệ An", "040"), 30), (("Hưng Yên", "033"), 25), (("Hải Phòng", "031"), 15),
        (("Bắc Ninh", "027"), 15), (("Tuyên Quang", "008"), 15), (("Sơn La", "014"), 30), (("Lào Cai", "010"), 10),
        (("Thái Nguyên", "019"), 10), (("Nam Định", "036"), 20), (("Thái Bình", "034"), 15),
    ]);

    public static readonly string[] Communes =
    [
        "Yên Lạc", "Tân Lập", "Đồng Tâm", "Hợp Thành", "Thống Nhất", "Quang Trung", "Hưng Đạo", "Kim Sơn",
        "Xuân Phong", "Minh Đức", "An Bình", "Phú Lương", "Tiến Thắng", "Hòa Lạc", "Trung Sơn", "Cao Phong",
        "Lạc Thủy", "Mai Hạ", "Vĩnh Tiến", "Đông Phong",
    ];

    /// <summary>Wards near the demo's managing committee, for addresses.</summary>
    public static readonly Weighted<string> Wards = new(
    [
        ("Hòa Bình", 800), ("Thống Nhất", 80), ("Tân Hòa", 70), ("Kỳ Sơn", 50),
    ]);

    public static readonly Weighted<string> ForeignLanguages = new(
    [
        ("", 450), ("Tiếng Anh trình độ B", 200), ("Tiếng Anh B1", 200), ("Tiếng Anh B2", 50), ("Tiếng Nga trình độ B", 40),
        ("Tiếng Trung trình độ A", 20), ("Tiếng Pháp trình độ A", 15),
    ]);

    public static readonly Weighted<string> ItSkills = new(
    [
        ("", 350), ("Tin học văn phòng", 250), ("Chứng chỉ ứng dụng CNTT cơ bản", 300), ("Tin học trình độ B", 80),
        ("Kỹ sư công nghệ thông tin", 20),
    ]);

    /// <summary>Full name from its parts; older members are more likely to carry Văn/Thị.</summary>
    public static string Next(Random rng, Gender gender, int birthYear)
    {
        var family = FamilyNames.Pick(rng);
        var old = birthYear < 1970;
        var male = gender == Gender.Male;
        var middle = male
            ? (old ? MaleMiddleOld : MaleMiddleYoung).Pick(rng)
            : (old ? FemaleMiddleOld : FemaleMiddleYoung).Pick(rng);
        // Some women carry two middle names ("Nguyễn Thị Thanh Hương").
        if (!male && middle == "Thị" && rng.NextDouble() < 0.18)
            middle += " " + FemaleSecondMiddle[rng.Next(FemaleSecondMiddle.Length)];

        var givenNames = male ? MaleGiven : FemaleGiven;
        var given = givenNames[rng.Next(givenNames.Length)];
        // "Nguyễn Ngọc Ngọc" is not a real name: draw again when the given name repeats the middle one.
        while (middle.EndsWith(given, StringComparison.Ordinal))
            given = givenNames[rng.Next(givenNames.Length)];
        return $"{family} {middle} {given}";
    }
}

/// <summary>A small weighted pick-list driven by the caller's <see cref="Random"/> (deterministic).</summary>
internal sealed class Weighted<T>
{
    private readonly T[] _items;
    private readonly int[] _cumulative;

    public Weighted(IReadOnlyList<(T Item, int Weight)> items)
    {
        _items = items.Select(i => i.Item).ToArray();
        _cumulative = new int[items.Count];
        var total = 0;
        for (var i = 0; i < items.Count; i++)
        {
            total += items[i].Weight;
            _cumulative[i] = total;
        }
    }

    public T Pick(Random rng)
    {
        var x = rng.Next(_cumulative[^1]);
        var index = Array.BinarySearch(_cumulative, x + 1);
        if (index < 0) index = ~index;
        return _items[index];
    }
}
