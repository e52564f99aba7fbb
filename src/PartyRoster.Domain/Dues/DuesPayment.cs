namespace PartyRoster.Domain.Dues;

/// <summary>
/// One month's dues paid by one member (at most one per member and month): cash to the cell or through
/// the national public-service portal, recorded by the cell. Paying late or ahead is allowed; an amount
/// other than the expected one is accepted and shown as short or over (<see cref="DuesLedger"/>).
/// </summary>
public sealed class DuesPayment
{
    public const int NoteMaxLength = 300;

    /// <summary>One month's dues above this (100 triệu đ) are taken for a typing mistake.</summary>
    public const long MaxAmount = 100_000_000;

    private DuesPayment() { }

    /// <param name="member">The payer.</param>
    /// <param name="cellId">The cell the member belongs to when paying (the cell that collects).</param>
    /// <param name="bases">The member's dues history: a month before the first entry cannot be paid.</param>
    /// <param name="duesMonth">The month paid for (any day of it).</param>
    /// <param name="amount">Whole đồng, more than 0.</param>
    /// <param name="paidOn">Date of payment: not after today; the month paid for may be at most the rule's advance limit after it.</param>
    /// <param name="today">Today's date in Vietnam.</param>
    public DuesPayment(DuesMember member, int cellId, IReadOnlyList<DuesBasis> bases, DateOnly duesMonth, long amount,
        DateOnly paidOn, string? note, DuesRateBook rates, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(bases);
        ArgumentNullException.ThrowIfNull(rates);
        var month = DuesCalendar.Of(duesMonth);
        if (amount <= 0) throw new DomainException("Số tiền đảng phí phải lớn hơn 0 đồng.");
        if (amount > MaxAmount)
            throw new DomainException($"Số tiền {DuesText.Money(amount)} cho một tháng là quá lớn (tối đa {DuesText.Money(MaxAmount)}); hãy kiểm tra lại.");
        if (paidOn > today) throw new DomainException("Ngày nộp đảng phí không được sau ngày hôm nay.");

        var advance = rates.InForceFor(paidOn).MaxAdvanceMonths.Value;
        var latest = DuesCalendar.Of(paidOn).AddMonths(advance);
        if (month > latest)
            throw new DomainException($"Chỉ được đóng đảng phí trước tối đa {advance} tháng: nộp ngày {DuesText.Date(paidOn)} thì đóng được đến tháng {DuesText.Month(latest)}, không đóng được tháng {DuesText.Month(month)}.");
        if (month < member.FirstMonth)
            throw new DomainException($"Tháng {DuesText.Month(month)} trước tháng kết nạp của đảng viên ({DuesText.Month(member.FirstMonth)}), không thu đảng phí.");
        if (!member.OnRollIn(month))
            throw new DomainException($"Tháng {DuesText.Month(month)} đảng viên không còn trong danh sách của Đảng bộ, không thu đảng phí.");
        if (DuesBasis.InForce(bases, month) is null)
            throw new DomainException($"Chưa có căn cứ đóng đảng phí của đảng viên cho tháng {DuesText.Month(month)}: hãy khai căn cứ đóng trước.");

        var cleaned = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (cleaned is { Length: > NoteMaxLength }) throw new DomainException($"Ghi chú dài quá {NoteMaxLength} ký tự.");

        MemberId = member.MemberId;
        CellId = cellId;
        DuesMonth = month;
        Amount = amount;
        PaidOn = paidOn;
        Note = cleaned;
    }

    public int Id { get; private set; }
    public int MemberId { get; private set; }
    /// <summary>The cell that collected it (the member's cell at the time).</summary>
    public int CellId { get; private set; }
    /// <summary>The month paid for (first day of the month).</summary>
    public DateOnly DuesMonth { get; private set; }
    /// <summary>Whole đồng.</summary>
    public long Amount { get; private set; }
    public DateOnly PaidOn { get; private set; }
    public string? Note { get; private set; }

    /// <summary>Paid after the month had ended (nộp muộn).</summary>
    public bool IsLate => IsLatePayment(DuesMonth, PaidOn);

    /// <summary>Paid before the month began (đóng trước).</summary>
    public bool IsAhead => PaidOn < DuesMonth;

    public static bool IsLatePayment(DateOnly duesMonth, DateOnly paidOn) => paidOn > DuesCalendar.LastDay(duesMonth);
}
