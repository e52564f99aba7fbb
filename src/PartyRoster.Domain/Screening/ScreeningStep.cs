namespace PartyRoster.Domain.Screening;

/// <summary>
/// One entry of a case's append-only history (domain.md §3.4). Created only by <see cref="ScreeningCase"/>;
/// nothing changes it afterwards.
/// </summary>
public sealed class ScreeningStep
{
    public const int SummaryMaxLength = 5000;

    private ScreeningStep() { Actor = null!; }

    internal ScreeningStep(int sequence, int cycle, ScreeningAction action, ScreeningStatus? from, ScreeningStatus to,
        StepContext ctx, BallotTally? tally, string? summary)
    {
        Sequence = sequence;
        Cycle = cycle;
        Action = action;
        FromStatus = from;
        ToStatus = to;
        Actor = ctx.Actor;
        RecordedAtUtc = ctx.RecordedAtUtc;
        EffectiveOn = ctx.EffectiveOn;
        Document = ctx.Document;
        Note = ctx.Note;
        Tally = tally;
        Summary = summary is { Length: > SummaryMaxLength } ? summary[..SummaryMaxLength] : summary;
    }

    public int Id { get; private set; }
    public int ScreeningCaseId { get; private set; }
    /// <summary>1, 2, 3… in the order the steps were recorded.</summary>
    public int Sequence { get; private set; }
    /// <summary>The help cycle the step belongs to.</summary>
    public int Cycle { get; private set; }
    public ScreeningAction Action { get; private set; }
    /// <summary>Null for the step that opened the case.</summary>
    public ScreeningStatus? FromStatus { get; private set; }
    public ScreeningStatus ToStatus { get; private set; }
    public Actor Actor { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }
    public DateOnly EffectiveOn { get; private set; }
    public DocumentRef? Document { get; private set; }
    public BallotTally? Tally { get; private set; }
    /// <summary>What the domain concluded, in Vietnamese (e.g. the threshold applied and its legal basis).</summary>
    public string? Summary { get; private set; }
    public string? Note { get; private set; }
}
