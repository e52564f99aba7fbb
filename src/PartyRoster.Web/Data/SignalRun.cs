namespace PartyRoster.Web.Data;

/// <summary>
/// One evaluation of the signals: when, by whom (or the daily schedule), over which cells, and what it found.
/// The signals page shows the latest so a secretary knows how fresh the list is.
/// </summary>
public sealed class SignalRun
{
    public const int ScopeMaxLength = 200;

    public int Id { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime FinishedAt { get; set; }
    /// <summary>Null for the daily schedule.</summary>
    public string? UserId { get; set; }
    /// <summary>"Toàn đảng bộ" or the names of the organisations evaluated.</summary>
    public string Scope { get; set; } = "";
    public int MembersChecked { get; set; }
    public int Raised { get; set; }
    public int Resolved { get; set; }
    public int OpenAfter { get; set; }
}
