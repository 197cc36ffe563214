using Steward.Stats.Fairness;

namespace Steward.Stats.Tests.Fairness;

/// <summary>Compares reported values with reference constants: NaN in the reference means "undefined", reported as null.</summary>
internal static class FairnessAssert
{
    public const double Tolerance = 1e-9;

    public static void Value(double expected, double? actual, string what)
    {
        if (double.IsNaN(expected))
        {
            Assert.True(actual is null, $"{what}: expected undefined (null), got {actual}");
            return;
        }
        Assert.True(actual is not null, $"{what}: expected {expected}, got null");
        Assert.True(Math.Abs(expected - actual!.Value) <= Tolerance, $"{what}: expected {expected:R}, got {actual.Value:R}");
    }

    public static void Groups(FairnessReference.Row[] expected, FairnessReport report)
    {
        Assert.Equal(expected.Length, report.Groups.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            var e = expected[i];
            var g = report.Groups[i];
            var name = string.Join("/", e.Group.Select(v => v ?? "(missing)"));
            Assert.Equal(e.Group, g.Group.Values.ToArray());
            Assert.Equal((e.Count, e.TruePositives, e.FalsePositives, e.TrueNegatives, e.FalseNegatives),
                (g.Count, g.TruePositives, g.FalsePositives, g.TrueNegatives, g.FalseNegatives));
            Value(e.SelectionRate, g.SelectionRate, $"{name} selection rate");
            Value(e.TruePositiveRate, g.TruePositiveRate, $"{name} TPR");
            Value(e.FalsePositiveRate, g.FalsePositiveRate, $"{name} FPR");
            Value(e.FalseNegativeRate, g.FalseNegativeRate, $"{name} FNR");
            Value(e.TrueNegativeRate, g.TrueNegativeRate, $"{name} TNR");
            Value(e.Precision, g.Precision, $"{name} precision");
            Value(e.Accuracy, g.Accuracy, $"{name} accuracy");
        }
    }

    public static void Disparities(FairnessReference.Disparity expected, Disparities actual)
    {
        Value(expected.DemographicParityDifference, actual.DemographicParityDifference, "demographic parity difference");
        Value(expected.DemographicParityRatio, actual.DemographicParityRatio, "demographic parity ratio");
        Value(expected.EqualizedOddsDifference, actual.EqualizedOddsDifference, "equalized odds difference");
        Value(expected.EqualizedOddsRatio, actual.EqualizedOddsRatio, "equalized odds ratio");
        Value(expected.EqualOpportunityDifference, actual.EqualOpportunityDifference, "equal opportunity difference");
        Value(expected.EqualOpportunityRatio, actual.EqualOpportunityRatio, "equal opportunity ratio");
    }

    public static void Impact(double[] expected, DisparateImpact actual)
    {
        Assert.Equal(expected.Length, actual.Groups.Count);
        for (var i = 0; i < expected.Length; i++)
            Value(expected[i], actual.Groups[i].Ratio, $"disparate impact of {string.Join("/", actual.Groups[i].Group.Values)}");
    }
}
