namespace Steward.Reports.Charts;

/// <summary>Colours and type shared by every chart, so reports look like one product.</summary>
public static class ChartStyle
{
    /// <summary>Okabe–Ito colours: distinguishable with the common forms of colour blindness.</summary>
    public static IReadOnlyList<string> Palette { get; } =
        ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"];

    /// <summary>The colour of series <paramref name="index"/>.</summary>
    public static string SeriesColor(int index) => Palette[index % Palette.Count];

    /// <summary>Threshold and reference lines.</summary>
    public const string ThresholdColor = "#C00000";

    internal const string TextColor = "#222222";
    internal const string AxisColor = "#444444";
    internal const string GridColor = "#e5e5e5";
    internal const string FontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
    internal const double FontSize = 12;
}
