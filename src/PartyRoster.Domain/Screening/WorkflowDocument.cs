using System.Text;
using PartyRoster.Domain.Access;

namespace PartyRoster.Domain.Screening;

/// <summary>
/// Renders <see cref="ScreeningCase.Transitions"/> as the Mermaid diagram and the Markdown table of
/// docs/workflow.md, so the document is generated from the code rather than kept in step by hand.
/// </summary>
public static class WorkflowDocument
{
    public const string DiagramBegin = "<!-- BEGIN GENERATED: diagram (WorkflowDocument.Diagram) -->";
    public const string DiagramEnd = "<!-- END GENERATED: diagram -->";
    public const string TableBegin = "<!-- BEGIN GENERATED: transitions (WorkflowDocument.Table) -->";
    public const string TableEnd = "<!-- END GENERATED: transitions -->";

    /// <summary>A Mermaid stateDiagram-v2 of every transition except "Withdraw" (drawn as one note to keep the picture readable).</summary>
    public static string Diagram()
    {
        var sb = new StringBuilder();
        sb.Append("```mermaid\n");
        sb.Append("stateDiagram-v2\n");
        var edges = new List<(string From, string To, List<string> Actions)>();
        foreach (var rule in ScreeningCase.Transitions.Where(r => r.Action != ScreeningAction.Withdraw))
        {
            var from = rule.From?.ToString() ?? "[*]";
            foreach (var to in rule.To)
            {
                var edge = edges.FirstOrDefault(e => e.From == from && e.To == to.ToString());
                if (edge.Actions is null) edges.Add((from, to.ToString(), [rule.Action.ToString()]));
                else if (!edge.Actions.Contains(rule.Action.ToString())) edge.Actions.Add(rule.Action.ToString());
            }
        }
        foreach (var (from, to, actions) in edges)
            sb.Append("    ").Append(from).Append(" --> ").Append(to).Append(" : ").Append(string.Join(", ", actions)).Append('\n');
        foreach (var s in Enum.GetValues<ScreeningStatus>().Where(s => s.IsTerminal()))
            sb.Append("    ").Append(s).Append(" --> [*]\n");
        var withdrawable = ScreeningCase.Transitions.Where(r => r.Action == ScreeningAction.Withdraw).Select(r => r.From!.Value.ToString());
        sb.Append("    note right of Withdrawn\n");
        sb.Append("        Withdraw from any open state: ").Append(string.Join(", ", withdrawable)).Append('\n');
        sb.Append("    end note\n");
        sb.Append("```\n");
        return sb.ToString();
    }

    /// <summary>The transition table: state, action, track, roles, guard, required document, next states.</summary>
    public static string Table()
    {
        var sb = new StringBuilder();
        sb.Append("| From | Action | Track | Roles | Guard | Document | To |\n");
        sb.Append("|---|---|---|---|---|---|---|\n");
        foreach (var r in ScreeningCase.Transitions)
        {
            sb.Append("| ").Append(r.From is null ? "(new case)" : $"`{r.From}` {r.From.Value.DisplayName()}")
                .Append(" | ").Append($"`{r.Action}` {r.Action.DisplayName()}")
                .Append(" | ").Append(string.Join(", ", r.Tracks))
                .Append(" | ").Append(string.Join(", ", r.Roles.Select(RoleName)))
                .Append(" | ").Append(Escape(r.Guard))
                .Append(" | ").Append(r.Documents.Count == 0 ? "—" : string.Join(" / ", r.Documents.Select(k => k.DisplayName())))
                .Append(" | ").Append(string.Join(", ", r.To.Select(s => $"`{s}`")))
                .Append(" |\n");
        }
        return sb.ToString();
    }

    /// <summary>Replaces the generated regions of <paramref name="document"/> with fresh output.</summary>
    public static string Regenerate(string document) =>
        Replace(Replace(document, DiagramBegin, DiagramEnd, Diagram()), TableBegin, TableEnd, Table());

    private static string Replace(string doc, string begin, string end, string content)
    {
        var b = doc.IndexOf(begin, StringComparison.Ordinal);
        var e = doc.IndexOf(end, StringComparison.Ordinal);
        if (b < 0 || e < b) throw new InvalidOperationException($"Markers '{begin}' … '{end}' not found.");
        return doc[..(b + begin.Length)] + "\n" + content + doc[e..];
    }

    private static string RoleName(Role role) => $"{role} ({role.DisplayName()})";

    private static string Escape(string s) => s.Replace("|", "\\|", StringComparison.Ordinal);
}
