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

/// <summary>One series of a grouped chart (e.g. "Kết nạp"), drawn in one tone in every group.</summary>
public sealed record ChartSeries(string Name, string Tone);

/// <summary>One group of bars (e.g. a year): one bar per series, in the series' order.</summary>
public sealed record ChartGroup(string Label, IReadOnlyList<ChartBar> Bars);

/// <summary>
/// A grouped horizontal bar chart (Shared/_GroupedBarChart.cshtml): per group a label and one thin bar per series,
/// all on one scale, with a legend; like <see cref="BarChart"/> every bar links to its list and a table repeats the
/// figures for print and screen readers.
/// </summary>
public sealed record GroupedBarChart(string Id, string Title, IReadOnlyList<ChartSeries> Series, IReadOnlyList<ChartGroup> Groups)
{
    public const int Width = BarChart.Width;
    public const int LabelHeight = 18;
    public const int BarHeight = 12;
    public const int BarGap = 4;
    public const int GroupGap = 10;

    public int GroupHeight => LabelHeight + Series.Count * (BarHeight + BarGap) + GroupGap;

    public int Height => Math.Max(1, Groups.Count * GroupHeight);

    /// <summary>Room for the value after the longest bar.</summary>
    public const int ValueWidth = 48;

    public long Max => Groups.SelectMany(g => g.Bars).Select(b => b.Value).DefaultIfEmpty(0).Max();

    public long Total => Groups.SelectMany(g => g.Bars).Sum(b => b.Value);

    public int BarWidth(ChartBar bar) =>
        Max == 0 || bar.Value == 0 ? 0 : Math.Max(1, (int)Math.Round((Width - ValueWidth - 2.0) * bar.Value / Max));
}
