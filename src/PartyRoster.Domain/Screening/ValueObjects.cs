using System.Globalization;
using PartyRoster.Domain.Access;

namespace PartyRoster.Domain.Screening;

/// <summary>Who acted: the user, and the role and organisation they acted for (domain.md §3.4).</summary>
public sealed record Actor
{
    public const int UserIdMaxLength = 450;
    public const int UserNameMaxLength = 256;

    public Actor(string userId, string userName, Role role, int organizationId)
    {
        if (string.IsNullOrWhiteSpace(userId)) throw new DomainException("Thiếu người thực hiện.");
        UserId = userId.Trim();
        UserName = string.IsNullOrWhiteSpace(userName) ? UserId : userName.Trim();
        Role = role;
        OrganizationId = organizationId;
    }

    public string UserId { get; private init; }
    public string UserName { get; private init; }
    public Role Role { get; private init; }
    /// <summary>The organisation the user acted for (their grant's organisation).</summary>
    public int OrganizationId { get; private init; }
}

/// <summary>The document behind a step: kind, number, date, signer (domain.md §3.4).</summary>
public sealed record DocumentRef
{
    public const int NumberMaxLength = 64;
    public const int SignerMaxLength = 200;

    public DocumentRef(DocumentKind kind, string? number, DateOnly date, string? signer = null)
    {
        var n = string.IsNullOrWhiteSpace(number) ? null : number.Trim();
        if (n is null && NeedsNumber(kind))
            throw new DomainException($"{kind.DisplayName()} phải có số văn bản.");
        if (n is { Length: > NumberMaxLength }) throw new DomainException($"Số văn bản dài quá {NumberMaxLength} ký tự.");
        var s = string.IsNullOrWhiteSpace(signer) ? null : signer.Trim();
        if (s is { Length: > SignerMaxLength }) throw new DomainException($"Người ký dài quá {SignerMaxLength} ký tự.");
        Kind = kind;
        Number = n;
        Date = date;
        Signer = s;
    }

    public DocumentKind Kind { get; private init; }
    public string? Number { get; private init; }
    public DateOnly Date { get; private init; }
    public string? Signer { get; private init; }

    /// <summary>Resolutions, decisions, conclusions and submissions are numbered; minutes and letters need not be.</summary>
    public static bool NeedsNumber(DocumentKind kind) =>
        kind is DocumentKind.QuyetDinh or DocumentKind.NghiQuyet or DocumentKind.KetLuan or DocumentKind.ToTrinh;

    /// <summary>"Quyết định số 12-QĐ/ĐU ngày 05/03/2026".</summary>
    public override string ToString() =>
        $"{Kind.DisplayName()}{(Number is null ? "" : " số " + Number)} ngày {Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}";
}

/// <summary>
/// The count of a secret ballot. <see cref="VotesFor"/> are votes for the motion put (put on the list;
/// propose removal; forward; decide), <see cref="VotesAgainst"/> against it; the rest of the ballots cast
/// were blank or spoilt. <see cref="Eligible"/> is the basis the threshold is taken of.
/// </summary>
public sealed record BallotTally
{
    public BallotTally(int eligible, int present, int ballotsCast, int votesFor, int votesAgainst)
    {
        if (eligible < 0 || present < 0 || ballotsCast < 0 || votesFor < 0 || votesAgainst < 0)
            throw new DomainException("Các con số biểu quyết không được âm.");
        if (eligible == 0) throw new DomainException("Số người có quyền biểu quyết phải lớn hơn 0.");
        if (present > eligible)
            throw new DomainException($"Số có mặt ({present}) không được lớn hơn số người có quyền biểu quyết ({eligible}).");
        if (ballotsCast > present)
            throw new DomainException($"Số phiếu phát ra ({ballotsCast}) không được lớn hơn số có mặt ({present}).");
        if (votesFor > ballotsCast || votesAgainst > ballotsCast || votesFor + votesAgainst > ballotsCast)
            throw new DomainException($"Số phiếu đồng ý ({votesFor}) và không đồng ý ({votesAgainst}) cộng lại không được vượt số phiếu phát ra ({ballotsCast}).");
        Eligible = eligible;
        Present = present;
        BallotsCast = ballotsCast;
        VotesFor = votesFor;
        VotesAgainst = votesAgainst;
    }

    public int Eligible { get; private init; }
    public int Present { get; private init; }
    public int BallotsCast { get; private init; }
    public int VotesFor { get; private init; }
    public int VotesAgainst { get; private init; }

    /// <summary>Blank or spoilt ballots.</summary>
    public int Other => BallotsCast - VotesFor - VotesAgainst;

    public override string ToString() =>
        $"{VotesFor}/{Eligible} đồng ý, {VotesAgainst} không đồng ý ({Present} có mặt, {BallotsCast} phiếu)";
}

/// <summary>
/// What every step records besides its own data (domain.md §3.4): who, when it was recorded, the date it
/// took effect, the document, a note.
/// </summary>
public sealed record StepContext
{
    public const int NoteMaxLength = 4000;

    public StepContext(Actor actor, DateOnly effectiveOn, DateTime recordedAtUtc, DocumentRef? document = null, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (recordedAtUtc.Kind != DateTimeKind.Utc) throw new ArgumentException("Timestamps are UTC.", nameof(recordedAtUtc));
        var n = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (n is { Length: > NoteMaxLength }) throw new DomainException($"Ghi chú dài quá {NoteMaxLength} ký tự.");
        Actor = actor;
        EffectiveOn = effectiveOn;
        RecordedAtUtc = recordedAtUtc;
        Document = document;
        Note = n;
    }

    /// <summary>A context stamped with the clock's current UTC time.</summary>
    public static StepContext Now(TimeProvider clock, Actor actor, DateOnly effectiveOn, DocumentRef? document = null, string? note = null) =>
        new(actor, effectiveOn, clock.GetUtcNow().UtcDateTime, document, note);

    public Actor Actor { get; }
    public DateOnly EffectiveOn { get; }
    public DateTime RecordedAtUtc { get; }
    public DocumentRef? Document { get; }
    public string? Note { get; }
}

/// <summary>What is due next on a case, and by (or from) when.</summary>
/// <param name="What">Vietnamese description, e.g. "Trả lời khiếu nại".</param>
/// <param name="On">The date, when there is one.</param>
/// <param name="IsEarliest">True when <paramref name="On"/> is the earliest allowed day (final review), false when it is a deadline.</param>
public sealed record ScreeningDue(string What, DateOnly? On, bool IsEarliest = false);
