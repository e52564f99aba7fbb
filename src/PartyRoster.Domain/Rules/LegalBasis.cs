using System.Globalization;

namespace PartyRoster.Domain.Rules;

/// <summary>
/// The document a rule comes from (domain.md: "every rule setting carries its legal basis (issuer,
/// number, date)"), e.g. Ban Chấp hành Trung ương, 294-QĐ/TW, 26/05/2025, "Quy định thi hành Điều lệ Đảng".
/// </summary>
public sealed record LegalBasis
{
    public LegalBasis(string issuer, string documentNumber, DateOnly issuedOn, string title)
    {
        if (string.IsNullOrWhiteSpace(issuer)) throw new DomainException("Căn cứ pháp lý phải ghi cơ quan ban hành.");
        if (string.IsNullOrWhiteSpace(documentNumber)) throw new DomainException("Căn cứ pháp lý phải ghi số văn bản.");
        if (string.IsNullOrWhiteSpace(title)) throw new DomainException("Căn cứ pháp lý phải ghi trích yếu văn bản.");
        Issuer = issuer.Trim();
        DocumentNumber = documentNumber.Trim();
        IssuedOn = issuedOn;
        Title = title.Trim();
    }

    public string Issuer { get; }
    public string DocumentNumber { get; }
    public DateOnly IssuedOn { get; }
    public string Title { get; }

    /// <summary>"Quy định 294-QĐ/TW ngày 26/05/2025 của Ban Chấp hành Trung ương".</summary>
    public string Citation => $"{Title} {DocumentNumber} ngày {IssuedOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} của {Issuer}";

    public override string ToString() => Citation;
}

/// <summary>
/// The party documents the screening rules rest on (domain.md §3). Titles are the document type plus
/// its subject as commonly cited; numbers and dates are the ones domain.md gives.
/// </summary>
public static class LegalBases
{
    /// <summary>Chỉ thị 28-CT/TW (21/01/2019) of the Secretariat: admission quality and screening members out.</summary>
    public static readonly LegalBasis ChiThi28 = new(
        "Ban Bí thư", "28-CT/TW", new DateOnly(2019, 1, 21),
        "Chỉ thị về nâng cao chất lượng kết nạp đảng viên và rà soát, sàng lọc, đưa những đảng viên không đủ tư cách ra khỏi Đảng");

    /// <summary>Hướng dẫn 02-HD/BTCTW (12/04/2021) of the Central Organisation Commission: the screening procedure itself.</summary>
    public static readonly LegalBasis HuongDan02 = new(
        "Ban Tổ chức Trung ương", "02-HD/BTCTW", new DateOnly(2021, 4, 12),
        "Hướng dẫn phát hiện, giáo dục, giúp đỡ, rà soát, sàng lọc và đưa những đảng viên không đủ tư cách ra khỏi Đảng");

    /// <summary>Quy định 24-QĐ/TW (30/07/2021): implementing the Charter; in force until 30/06/2025.</summary>
    public static readonly LegalBasis QuyDinh24 = new(
        "Ban Chấp hành Trung ương", "24-QĐ/TW", new DateOnly(2021, 7, 30), "Quy định thi hành Điều lệ Đảng");

    /// <summary>Quy định 294-QĐ/TW (26/05/2025): implementing the Charter; replaces QĐ 24 from 01/07/2025.</summary>
    public static readonly LegalBasis QuyDinh294 = new(
        "Ban Chấp hành Trung ương", "294-QĐ/TW", new DateOnly(2025, 5, 26), "Quy định thi hành Điều lệ Đảng");

    /// <summary>Hướng dẫn 01-HD/TW: specific questions of implementing the Charter; replaced by HD 06-HD/TW.</summary>
    /// <remarks>domain.md gives no date for it; 28/09/2021 is the commonly cited date: check before relying on it.</remarks>
    public static readonly LegalBasis HuongDan01 = new(
        "Ban Bí thư", "01-HD/TW", new DateOnly(2021, 9, 28), "Hướng dẫn một số vấn đề cụ thể thi hành Điều lệ Đảng");

    /// <summary>Hướng dẫn 06-HD/TW (09/06/2025): specific questions of implementing the Charter, from 2025.</summary>
    public static readonly LegalBasis HuongDan06 = new(
        "Ban Bí thư", "06-HD/TW", new DateOnly(2025, 6, 9), "Hướng dẫn một số vấn đề cụ thể thi hành Điều lệ Đảng");

    /// <summary>The Party Charter adopted by the 11th Congress (19/01/2011); Điều 8 is removal from the roll.</summary>
    public static readonly LegalBasis DieuLe = new(
        "Đại hội đại biểu toàn quốc lần thứ XI", "Điều lệ Đảng", new DateOnly(2011, 1, 19), "Điều lệ Đảng Cộng sản Việt Nam");
}
