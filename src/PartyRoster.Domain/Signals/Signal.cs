using System.Globalization;
using PartyRoster.Domain.Screening;

namespace PartyRoster.Domain.Signals;

/// <summary>A fact from the cell's records that calls for the cell's review (domain.md §4). Values are stored.</summary>
public enum SignalKind
{
    /// <summary>Absent without reason from cell meetings in 3 months of one calendar year.</summary>
    MissedMeetings = 1,
    /// <summary>Dues unpaid for 3 months of one calendar year.</summary>
    UnpaidDues = 2,
    /// <summary>Rated "không hoàn thành nhiệm vụ" two years running (criterion C1).</summary>
    NotCompletedTwoYears = 3,
    /// <summary>Transfer introduction letter not presented within its deadline.</summary>
    TransferPapersLate = 4,
}

public static class SignalKindNames
{
    public static string DisplayName(this SignalKind kind) => kind switch
    {
        SignalKind.MissedMeetings => "Bỏ sinh hoạt chi bộ không có lý do",
        SignalKind.UnpaidDues => "Không đóng đảng phí",
        SignalKind.NotCompletedTwoYears => "Hai năm liền không hoàn thành nhiệm vụ",
        SignalKind.TransferPapersLate => "Quá hạn nộp giấy giới thiệu chuyển sinh hoạt",
        _ => kind.ToString(),
    };

    /// <summary>
    /// Which screening track and ground a case started from this signal takes: the first three are the
    /// direct-removal grounds of domain.md §3.3 (and the transfer violation), the ratings signal is criterion C1.
    /// </summary>
    public static (ScreeningTrack Track, DirectRemovalGround? Ground, ReasonCode? Reason) CaseOpening(this SignalKind kind) => kind switch
    {
        SignalKind.MissedMeetings => (ScreeningTrack.DirectRemoval, DirectRemovalGround.MissedMeetings, null),
        SignalKind.UnpaidDues => (ScreeningTrack.DirectRemoval, DirectRemovalGround.UnpaidDues, null),
        SignalKind.TransferPapersLate => (ScreeningTrack.DirectRemoval, DirectRemovalGround.TransferViolation, null),
        SignalKind.NotCompletedTwoYears => (ScreeningTrack.Education, null, ReasonCode.C1),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

/// <summary>
/// One signal as the evaluation finds it: who, what, for which period (a calendar year, two years, a transfer)
/// and the evidence in words a secretary can check against the books.
/// </summary>
/// <param name="PeriodKey">Identifies the period so that re-evaluating finds the same signal: "2026", "2025-2026", "T17".</param>
/// <param name="Evidence">Which meetings, which months, which ratings, which letter.</param>
public sealed record SignalFinding(int MemberId, SignalKind Kind, string PeriodKey, string Evidence);

/// <summary>
/// A signal kept for the cell's review. Raised and refreshed by the evaluation; resolved when the facts no
/// longer hold (a correction of the books); never changes a member's status by itself. A secretary may open a
/// screening case from it, which links the case.
/// </summary>
public sealed class Signal
{
    public const int PeriodKeyMaxLength = 20;
    public const int EvidenceMaxLength = 4000;

    private Signal() { PeriodKey = ""; Evidence = ""; }

    public Signal(SignalFinding finding, int cellId, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(finding);
        MemberId = finding.MemberId;
        Kind = finding.Kind;
        PeriodKey = finding.PeriodKey;
        Evidence = Trim(finding.Evidence);
        CellId = cellId;
        RaisedOn = today;
        CheckedOn = today;
    }

    public int Id { get; private set; }
    public int MemberId { get; private set; }
    /// <summary>The member's cell when the signal was last checked.</summary>
    public int CellId { get; private set; }
    public SignalKind Kind { get; private set; }
    public string PeriodKey { get; private set; }
    public string Evidence { get; private set; }
    public DateOnly RaisedOn { get; private set; }
    /// <summary>Last evaluation that found the facts still holding.</summary>
    public DateOnly CheckedOn { get; private set; }
    /// <summary>Set when an evaluation no longer finds the facts (the books were corrected).</summary>
    public DateOnly? ResolvedOn { get; private set; }
    /// <summary>The screening case opened from this signal, if any.</summary>
    public int? CaseId { get; private set; }
    public int Version { get; private set; }

    public bool IsOpen => ResolvedOn is null && CaseId is null;

    public void BumpVersion() => Version++;

    /// <summary>The evaluation found the facts again: refresh the evidence and cell; a resolved signal comes back.</summary>
    /// <returns>True when anything changed.</returns>
    public bool Confirm(SignalFinding finding, int cellId, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var evidence = Trim(finding.Evidence);
        var changed = evidence != Evidence || cellId != CellId || ResolvedOn is not null;
        Evidence = evidence;
        CellId = cellId;
        ResolvedOn = null;
        CheckedOn = today;
        return changed;
    }

    /// <summary>The evaluation no longer finds the facts. A signal that led to a case stays as the case's source.</summary>
    public bool Resolve(DateOnly today)
    {
        if (ResolvedOn is not null || CaseId is not null) return false;
        ResolvedOn = today;
        return true;
    }

    public void LinkCase(int caseId)
    {
        if (CaseId is not null) throw new DomainException("Đã lập hồ sơ rà soát từ cảnh báo này.");
        if (ResolvedOn is not null) throw new DomainException("Cảnh báo này không còn hiệu lực (sổ sách đã được sửa).");
        CaseId = caseId;
    }

    private static string Trim(string evidence) =>
        evidence.Length <= EvidenceMaxLength ? evidence : string.Concat(evidence.AsSpan(0, EvidenceMaxLength - 1), "…");

    internal static string D(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
