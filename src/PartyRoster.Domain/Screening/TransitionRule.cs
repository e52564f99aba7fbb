using PartyRoster.Domain.Access;

namespace PartyRoster.Domain.Screening;

/// <summary>
/// One row of the screening workflow's transition table (<see cref="ScreeningCase.Transitions"/>): from a
/// state, on a track, who may take the action, under what condition, to which states, on which documents.
/// </summary>
/// <param name="From">The state the case must be in; null for the actions that open a case.</param>
/// <param name="Action">The action (one method of <see cref="ScreeningCase"/>).</param>
/// <param name="Tracks">The tracks on which the row applies.</param>
/// <param name="Roles">The roles that may take the action (domain.md §3.5); organisation scope is checked by the web layer.</param>
/// <param name="Guard">The further conditions, in Vietnamese, as shown to users and in docs/workflow.md.</param>
/// <param name="To">The states the action can lead to.</param>
/// <param name="Documents">Kinds of document one of which must be given; empty when a document is optional.</param>
public sealed record TransitionRule(
    ScreeningStatus? From,
    ScreeningAction Action,
    IReadOnlyList<ScreeningTrack> Tracks,
    IReadOnlyList<Role> Roles,
    string Guard,
    IReadOnlyList<ScreeningStatus> To,
    IReadOnlyList<DocumentKind> Documents)
{
    public bool Applies(ScreeningStatus? from, ScreeningAction action, ScreeningTrack track) =>
        From == from && Action == action && Tracks.Contains(track);
}
