namespace PartyRoster.Web.Infrastructure;

/// <summary>One bar of a chart: a label, a count and the list behind it.</summary>
public sealed record ChartBar(string Label, long Value, string? Href, string Tone = "primary");

/// <summary>
/// A horizontal bar chart drawn on the server as SVG (Shared/_BarChart.cshtml): no charting library, no script,
/// nothing the CSP must allow; every bar links to the list it counts, and a table of the same figures follows
/// for screen readers and print.
/// </summary>
public sealed record BarChart(string Id, string Title, IReadOnlyList<ChartBar> Bars)
{
    public const int Width = 320;
    public const int RowHeight = 40;

    public long Max => Bars.Count == 0 ? 0 : Bars.Max(b => b.Value);

    public long Total => Bars.Sum(b => b.Value);

    /// <summary>Bar length in view-box units, at least 1 for a non-zero value so it shows.</summary>
    public int BarWidth(ChartBar bar) => Max == 0 || bar.Value == 0 ? 0 : Math.Max(1, (int)Math.Round((Width - 2.0) * bar.Value / Max));
}
