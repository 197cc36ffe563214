using Steward.Stats.Evaluation;

namespace Steward.Stats.Tests.Evaluation;

/// <summary>
/// Calibration curves agree with scikit-learn 1.2.1's <c>calibration_curve</c>: bin edges, edge
/// assignment and dropped empty bins. Expected values: <c>Reference/evaluation_reference.py</c>,
/// lines <c>*.calibration[strategy,bins]</c>.
/// </summary>
public sealed class CalibrationCurveTests
{
    [Fact]
    public void Uniform_bins_match_sklearn_on_the_5000_row_set()
    {
        var bins = Bins("binary.csv", 10, CalibrationStrategy.Uniform);
        Tolerance.Equal(
            [0.06873977086743044, 0.16428571428571428, 0.22383252818035426, 0.4357976653696498, 0.5033557046979866, 0.6666666666666666, 0.7671232876712328, 0.8577981651376146, 0.9245689655172413, 0.975],
            bins.Select(b => b.FractionPositive).ToList(), "fraction positive");
        Tolerance.Equal(
            [0.05850409165302779, 0.14840428571428596, 0.2498985507246378, 0.34760116731517476, 0.44928411633109583, 0.5521390593047032, 0.6510182648401819, 0.7522752293577978, 0.8509504310344824, 0.9375071428571427],
            bins.Select(b => b.MeanPredicted).ToList(), "mean predicted");
    }

    [Fact]
    public void Quantile_bins_match_sklearn_on_the_5000_row_set()
    {
        var bins = Bins("binary.csv", 10, CalibrationStrategy.Quantile);
        Tolerance.Equal(
            [0.0496031746031746, 0.146, 0.19760479041916168, 0.25201612903225806, 0.437125748502994, 0.5441767068273092, 0.6746506986027944, 0.8127490039840638, 0.8893360160965795, 0.966],
            bins.Select(b => b.FractionPositive).ToList(), "fraction positive");
        Tolerance.Equal(
            [0.05126785714285716, 0.11866400000000003, 0.19231137724550923, 0.27113306451612934, 0.35975449101796375, 0.4675803212851401, 0.5754071856287424, 0.6858227091633459, 0.7997122736418507, 0.9113560000000003],
            bins.Select(b => b.MeanPredicted).ToList(), "mean predicted");
    }

    [Fact]
    public void Quantile_edges_interpolate_between_tied_scores_as_numpy_does()
    {
        var bins = Bins("binary.csv", 7, CalibrationStrategy.Quantile);
        Tolerance.Equal(
            [0.0766016713091922, 0.17647058823529413, 0.27247191011235955, 0.4930167597765363, 0.6717877094972067, 0.8457223001402524, 0.9437412095639943],
            bins.Select(b => b.FractionPositive).ToList(), "fraction positive");
        Tolerance.Equal(
            [0.06580222841225628, 0.1649943977591039, 0.2771797752808988, 0.4127388268156422, 0.568479050279329, 0.727938288920056, 0.887220815752462],
            bins.Select(b => b.MeanPredicted).ToList(), "mean predicted");
    }

    [Fact]
    public void Empty_bins_are_dropped_as_in_sklearn()
    {
        var (labels, scores) = ReferenceData.Binary("telco_scored.csv", labelColumn: 2, scoreColumn: 3, positive: "Yes");
        var bins = CalibrationCurve.Bins(ThresholdCurve.Compute(labels, scores), 10, CalibrationStrategy.Uniform)!;
        // telco.calibration[uniform,10]: no score reaches 0.6, so four of the ten bins are empty.
        Tolerance.Equal(
            [0.10752986940816893, 0.2543978349120433, 0.4367436743674367, 0.6075757575757575, 0.773841961852861, 0.8],
            bins.Select(b => b.FractionPositive).ToList(), "fraction positive");
        Tolerance.Equal(
            [0.03443823284245625, 0.1505788903924221, 0.25077700770076977, 0.35254666666666645, 0.4373297002724798, 0.5201600000000001],
            bins.Select(b => b.MeanPredicted).ToList(), "mean predicted");
    }

    [Fact]
    public void Small_set_bins_match_sklearn_for_both_strategies()
    {
        var uniform = Bins("binary_small.csv", 5, CalibrationStrategy.Uniform);
        Tolerance.Equal([0.2222222222222222, 0.2, 0.5833333333333334, 0.9, 1.0], uniform.Select(b => b.FractionPositive).ToList(), "uniform fraction");
        Tolerance.Equal([0.05555555555555555, 0.36000000000000004, 0.5583333333333332, 0.74, 0.95], uniform.Select(b => b.MeanPredicted).ToList(), "uniform mean");
        var quantile = Bins("binary_small.csv", 4, CalibrationStrategy.Quantile);
        Tolerance.Equal([0.18181818181818182, 0.5333333333333333, 0.8333333333333334, 1.0], quantile.Select(b => b.FractionPositive).ToList(), "quantile fraction");
        Tolerance.Equal([0.09999999999999999, 0.5266666666666666, 0.7000000000000001, 0.8749999999999999], quantile.Select(b => b.MeanPredicted).ToList(), "quantile mean");
    }

    [Fact]
    public void A_score_on_an_inner_edge_falls_in_the_lower_bin()
    {
        // edge.edge_score.calibration[uniform,10]: 0.1 and 0.2 equal edges 1 × 0.1 and 2 × 0.1 and stay below
        // them; 0.7 is below 7 × 0.1 = 0.7000000000000001, so it is not in 0.75's bin.
        var curve = ThresholdCurve.Compute([false, true, true, false], [0.1, 0.2, 0.7, 0.75]);
        var bins = CalibrationCurve.Bins(curve, 10, CalibrationStrategy.Uniform)!;
        Assert.Equal([0.0, 1.0, 1.0, 0.0], bins.Select(b => b.FractionPositive));
        Assert.Equal([0.1, 0.2, 0.7, 0.75], bins.Select(b => b.MeanPredicted));
        Assert.Equal(0.0, bins[0].Lower);
        Assert.Equal(0.1, bins[0].Upper);
    }

    [Fact]
    public void Each_bin_counts_its_rows()
    {
        var bins = Bins("binary.csv", 10, CalibrationStrategy.Uniform);
        Assert.Equal(5000, bins.Sum(b => b.Count));
    }

    [Fact]
    public void Scores_outside_0_to_1_have_no_calibration_curve()
    {
        var curve = ThresholdCurve.Compute([true, false], [2.5, -1.0]);
        Assert.Null(CalibrationCurve.Bins(curve, 10, CalibrationStrategy.Uniform));
    }

    [Fact]
    public void Zero_bins_are_refused()
    {
        var curve = ThresholdCurve.Compute([true, false], [0.6, 0.4]);
        var error = Assert.Throws<EvaluationInputException>(() => CalibrationCurve.Bins(curve, 0, CalibrationStrategy.Uniform));
        Assert.Contains("at least 1 bin", error.Message);
    }

    private static IReadOnlyList<CalibrationBin> Bins(string file, int bins, CalibrationStrategy strategy)
    {
        var (labels, scores) = ReferenceData.Binary(file);
        return CalibrationCurve.Bins(ThresholdCurve.Compute(labels, scores), bins, strategy)!;
    }
}
