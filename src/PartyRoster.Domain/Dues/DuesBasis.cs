namespace PartyRoster.Domain.Dues;

/// <summary>A member's dues basis as declared by the cell: what applies from <see cref="EffectiveFrom"/> on.</summary>
/// <param name="EffectiveFrom">First month it applies to (any day of the month; kept as the month).</param>
/// <param name="BaseAmount">The insured salary, the pension, or an "other" member's monthly amount, in đồng; ignored for other kinds.</param>
/// <param name="Ground">The ground of an exemption; ignored for other kinds.</param>
/// <param name="ReliefPercent">A reduction granted on application (30, 50, 70, or 100 for a time-limited exemption), from <paramref name="EffectiveFrom"/>.</param>
/// <param name="ReliefUntil">Last month of the reduction.</param>
public sealed record DuesBasisTerms(
    DateOnly EffectiveFrom,
    DuesBasisKind Kind,
    long? BaseAmount = null,
    DuesExemptionGround? Ground = null,
    int? ReliefPercent = null,
    DateOnly? ReliefUntil = null,
    string? Note = null);

/// <summary>
/// One entry of a member's dues history: from <see cref="EffectiveFrom"/> on (until a later entry), the
/// member's dues are computed from <see cref="Kind"/> and <see cref="BaseAmount"/>, reduced by
/// <see cref="ReliefPercent"/> up to <see cref="ReliefUntil"/>. A member has at most one entry per month;
/// declaring again for the same month revises it (<see cref="Revise"/>).
/// </summary>
public sealed class DuesBasis
{
    public const int NoteMaxLength = 500;

    /// <summary>A salary or pension above this (10 tỷ đ a month) is taken for a typing mistake.</summary>
    public const long MaxBaseAmount = 10_000_000_000;

    private DuesBasis() { }

    /// <param name="today">Today's date in Vietnam: a basis may be declared ahead only as far as payments may be made ahead.</param>
    public DuesBasis(DuesMember member, DuesBasisTerms terms, DuesRateBook rates, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(terms);
        MemberId = member.MemberId;
        EffectiveFrom = DuesCalendar.Of(terms.EffectiveFrom);
        Apply(member, terms, rates, today);
    }

    public int Id { get; private set; }
    public int MemberId { get; private set; }
    /// <summary>First month this entry applies to (first day of the month).</summary>
    public DateOnly EffectiveFrom { get; private set; }
    public DuesBasisKind Kind { get; private set; }
    /// <summary>Insured salary, pension, or an "other" member's monthly amount, in đồng; null for students and exemptions.</summary>
    public long? BaseAmount { get; private set; }
    public DuesExemptionGround? ExemptionGround { get; private set; }
    /// <summary>30, 50 or 70 (reduction) or 100 (time-limited exemption), from <see cref="EffectiveFrom"/> to <see cref="ReliefUntil"/>.</summary>
    public int? ReliefPercent { get; private set; }
    /// <summary>Last month of the relief (first day of the month).</summary>
    public DateOnly? ReliefUntil { get; private set; }
    public string? Note { get; private set; }
    public int Version { get; private set; }

    public void BumpVersion() => Version++;

    /// <summary>Corrects this entry (same member, same month) with new terms, checked as a new declaration would be.</summary>
    public void Revise(DuesMember member, DuesBasisTerms terms, DuesRateBook rates, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(terms);
        if (member.MemberId != MemberId || DuesCalendar.Of(terms.EffectiveFrom) != EffectiveFrom)
            throw new InvalidOperationException("A revision keeps the member and the month of the entry.");
        Apply(member, terms, rates, today);
    }

    /// <summary>The relief in force in <paramref name="month"/> (a month this entry applies to), or null.</summary>
    public int? ReliefIn(DateOnly month) =>
        ReliefPercent is { } percent && month >= EffectiveFrom && month <= ReliefUntil ? percent : null;

    /// <summary>The entry in force in <paramref name="month"/>: the latest one that took effect by then; null when none has.</summary>
    public static DuesBasis? InForce(IReadOnlyList<DuesBasis> bases, DateOnly month)
    {
        ArgumentNullException.ThrowIfNull(bases);
        DuesBasis? found = null;
        foreach (var b in bases)
        {
            if (b.EffectiveFrom <= month && (found is null || b.EffectiveFrom > found.EffectiveFrom)) found = b;
        }
        return found;
    }

    private void Apply(DuesMember member, DuesBasisTerms terms, DuesRateBook rates, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(rates);
        var from = EffectiveFrom;
        if (from < member.FirstMonth)
            throw new DomainException($"Căn cứ đóng đảng phí không thể áp dụng từ trước tháng kết nạp ({DuesText.Month(member.FirstMonth)}).");
        var latest = DuesCalendar.Of(today).AddMonths(rates.InForceFor(today).MaxAdvanceMonths.Value);
        if (from > latest)
            throw new DomainException($"Chỉ khai căn cứ đóng đảng phí trước tối đa đến tháng {DuesText.Month(latest)}.");
        var set = rates.InForceFor(from);
        if (!Enum.IsDefined(terms.Kind)) throw new DomainException("Hãy chọn đối tượng đóng đảng phí.");

        long? amount = null;
        DuesExemptionGround? ground = null;
        switch (terms.Kind)
        {
            case DuesBasisKind.InsuredSalary:
            case DuesBasisKind.Pension:
                amount = RequireAmount(terms, terms.Kind == DuesBasisKind.InsuredSalary
                    ? "Hãy nhập tiền lương làm căn cứ đóng bảo hiểm xã hội (lớn hơn 0 đồng)."
                    : "Hãy nhập mức lương hưu (lớn hơn 0 đồng).");
                break;
            case DuesBasisKind.OtherFixed:
                amount = RequireAmount(terms, "Hãy nhập mức đóng đảng phí hằng tháng (lớn hơn 0 đồng).");
                if (amount < set.OtherMinimum.Value)
                    throw new DomainException($"Mức đóng của đảng viên khác từ tháng {DuesText.Month(from)} tối thiểu là {DuesText.Money(set.OtherMinimum.Value)}/tháng ({set.Name}).");
                if (set.OtherMaximum.Value is { } max && amount > max)
                    throw new DomainException($"Mức đóng của đảng viên khác từ tháng {DuesText.Month(from)} tối đa là {DuesText.Money(max)}/tháng ({set.Name}).");
                break;
            case DuesBasisKind.Exempt:
                ground = terms.Ground is { } g && Enum.IsDefined(g) ? g
                    : throw new DomainException("Miễn đóng đảng phí phải ghi rõ căn cứ miễn.");
                if (ground == DuesExemptionGround.FiftyYearsPartyAge && !member.HasPartyAge(set.ExemptPartyAgeYears.Value, from))
                    throw new DomainException(member.IsOfficial
                        ? $"Đảng viên chưa đủ {set.ExemptPartyAgeYears.Value} năm tuổi đảng trong tháng {DuesText.Month(from)} (tuổi đảng tính từ ngày {DuesText.Date(member.AdmissionDecisionDate)})."
                        : "Đảng viên dự bị chưa tính tuổi đảng, không thể miễn đảng phí theo tuổi đảng.");
                if (terms.ReliefPercent is not null)
                    throw new DomainException("Đảng viên đã được miễn đóng đảng phí thì không xét giảm.");
                break;
        }

        int? relief = null;
        DateOnly? until = null;
        if (terms.ReliefPercent is { } percent)
        {
            if (!set.ReliefPercents.Value.Contains(percent))
                throw new DomainException($"Mức giảm chỉ có thể là {string.Join(", ", set.ReliefPercents.Value.Select(DuesNames.ReliefName))}.");
            if (terms.ReliefUntil is not { } end) throw new DomainException("Hãy nhập tháng kết thúc miễn, giảm.");
            end = DuesCalendar.Of(end);
            var maxMonths = set.MaxReliefMonths.Value;
            var last = from.AddMonths(maxMonths - 1);
            if (end < from)
                throw new DomainException($"Tháng kết thúc miễn, giảm không được trước tháng bắt đầu ({DuesText.Month(from)}).");
            if (end > last)
                throw new DomainException($"Mỗi lần xét miễn, giảm đảng phí tối đa {maxMonths} tháng: từ tháng {DuesText.Month(from)} đến chậm nhất tháng {DuesText.Month(last)}.");
            relief = percent;
            until = end;
        }

        var note = string.IsNullOrWhiteSpace(terms.Note) ? null : terms.Note.Trim();
        if (note is { Length: > NoteMaxLength }) throw new DomainException($"Ghi chú dài quá {NoteMaxLength} ký tự.");

        Kind = terms.Kind;
        BaseAmount = amount;
        ExemptionGround = ground;
        ReliefPercent = relief;
        ReliefUntil = until;
        Note = note;
    }

    private static long RequireAmount(DuesBasisTerms terms, string message)
    {
        if (terms.BaseAmount is not { } amount || amount <= 0) throw new DomainException(message);
        if (amount > MaxBaseAmount)
            throw new DomainException($"Số tiền {DuesText.Money(amount)} quá lớn (tối đa {DuesText.Money(MaxBaseAmount)}); hãy kiểm tra lại.");
        return amount;
    }
}
