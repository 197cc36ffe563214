namespace Steward.Stats.Tests.Fairness;

/// <summary>
/// Expected fairness values, printed by <c>Reference/fairness_reference.py</c> (run it with
/// <c>/usr/bin/python3</c>: pandas group-bys implementing Fairlearn's definitions, every defined rate
/// cross-checked against scikit-learn 1.2's confusion_matrix and precision_score) and pasted here.
/// NaN marks a value the script found undefined (a zero denominator), which Steward reports as null.
/// </summary>
internal static class FairnessReference
{
    /// <summary>One group: values by sensitive feature (null = missing), counts and the seven rates.</summary>
    internal sealed record Row(string?[] Group, long Count, long TruePositives, long FalsePositives, long TrueNegatives, long FalseNegatives,
        double SelectionRate, double TruePositiveRate, double FalsePositiveRate, double FalseNegativeRate, double TrueNegativeRate,
        double Precision, double Accuracy);

    /// <summary>Demographic parity, equalized odds and equal opportunity difference and ratio.</summary>
    internal sealed record Disparity(double DemographicParityDifference, double DemographicParityRatio, double EqualizedOddsDifference,
        double EqualizedOddsRatio, double EqualOpportunityDifference, double EqualOpportunityRatio);

    // COMPAS (datasets/compas), all 7,214 rows: label two_year_recid, prediction decile_score >= 5.
    public static readonly Row[] CompasByRace =
    [
        new(["African-American"], 3696, 1369, 805, 990, 532, 0.5882034632034632, 0.7201472908995266, 0.44846796657381616, 0.27985270910047344, 0.5515320334261838, 0.6297148114075437, 0.6382575757575758),
        new(["Asian"], 32, 6, 2, 21, 3, 0.25, 0.6666666666666666, 0.08695652173913043, 0.3333333333333333, 0.9130434782608695, 0.75, 0.84375),
        new(["Caucasian"], 2454, 505, 349, 1139, 461, 0.3480032599837001, 0.5227743271221532, 0.23454301075268819, 0.4772256728778468, 0.7654569892473119, 0.5913348946135831, 0.6699266503667481),
        new(["Hispanic"], 637, 103, 87, 318, 129, 0.29827315541601257, 0.44396551724137934, 0.21481481481481482, 0.5560344827586207, 0.7851851851851852, 0.5421052631578948, 0.6609105180533752),
        new(["Native American"], 18, 9, 3, 5, 1, 0.6666666666666666, 0.9, 0.375, 0.1, 0.625, 0.75, 0.7777777777777778),
        new(["Other"], 377, 43, 36, 208, 90, 0.20954907161803712, 0.3233082706766917, 0.14754098360655737, 0.6766917293233082, 0.8524590163934426, 0.5443037974683544, 0.6657824933687002),
    ];

    /// <summary>Overall selection rate, TPR, FPR, FNR, TNR, precision, accuracy.</summary>
    public static readonly double[] CompasOverall = [0.45980038813418356, 0.6259612426945556, 0.32349230381024474, 0.3740387573054445, 0.6765076961897553, 0.6135061802833887, 0.6537288605489326];

    public static readonly Disparity CompasByRaceBetweenGroups = new(0.4571175950486295, 0.31432360742705573, 0.5766917293233083, 0.19389684039967595, 0.5766917293233083, 0.3592314118629908);

    public static readonly Disparity CompasByRaceToOverall = new(0.2502513165161464, 0.4557392229883991, 0.30265297201786384, 0.26880553483008884, 0.30265297201786384, 0.5164988638672848);

    /// <summary>Disparate impact by race, default reference (highest selection rate: Native American), in group order.</summary>
    public static readonly double[] CompasByRaceImpact = [0.8823051948051948, 0.375, 0.5220048899755502, 0.4474097331240189, 1.0, 0.31432360742705573];

    /// <summary>Disparate impact by race with Caucasian as the reference, in group order.</summary>
    public static readonly double[] CompasByRaceImpactToCaucasian = [1.6902240031631133, 0.718384074941452, 1.0, 0.8570987393336006, 1.9156908665105385, 0.6021468638766547];

    // ProPublica, "How We Analyzed the COMPAS Recidivism Algorithm" (2016): FPR / FNR in percent, as published.
    public const double ProPublicaBlackFalsePositivePercent = 44.85, ProPublicaBlackFalseNegativePercent = 27.99;
    public const double ProPublicaWhiteFalsePositivePercent = 23.45, ProPublicaWhiteFalseNegativePercent = 47.72;

    /// <summary>The notebook's cohort (-30 &lt;= days_b_screening_arrest &lt;= 30, NULL dropped; 6,172 rows) by race.</summary>
    public static readonly (string Race, long Count)[] ProPublicaCohortByRace =
    [
        ("African-American", 3175),
        ("Asian", 31),
        ("Caucasian", 2103),
        ("Hispanic", 509),
        ("Native American", 11),
        ("Other", 343),
    ];

    // COMPAS by race x sex (an intersection). Asian/Female has no positive prediction: precision is
    // undefined (scikit-learn's zero_division would make it 0).
    public static readonly Row[] CompasByRaceSex =
    [
        new(["African-American", "Female"], 652, 173, 164, 241, 74, 0.5168711656441718, 0.7004048582995951, 0.4049382716049383, 0.29959514170040485, 0.5950617283950618, 0.5133531157270029, 0.6349693251533742),
        new(["African-American", "Male"], 3044, 1196, 641, 749, 458, 0.6034822601839684, 0.7230955259975816, 0.4611510791366906, 0.27690447400241835, 0.5388489208633094, 0.6510615133369625, 0.6389618922470434),
        new(["Asian", "Female"], 2, 0, 0, 1, 1, 0.0, 0.0, 0.0, 1.0, 1.0, double.NaN, 0.5),
        new(["Asian", "Male"], 30, 6, 2, 20, 2, 0.26666666666666666, 0.75, 0.09090909090909091, 0.25, 0.9090909090909091, 0.75, 0.8666666666666667),
        new(["Caucasian", "Female"], 567, 113, 111, 257, 86, 0.3950617283950617, 0.5678391959798995, 0.3016304347826087, 0.4321608040201005, 0.6983695652173914, 0.5044642857142857, 0.6525573192239859),
        new(["Caucasian", "Male"], 1887, 392, 238, 882, 375, 0.3338632750397456, 0.5110821382007823, 0.2125, 0.48891786179921776, 0.7875, 0.6222222222222222, 0.6751457339692634),
        new(["Hispanic", "Female"], 103, 9, 7, 63, 24, 0.1553398058252427, 0.2727272727272727, 0.1, 0.7272727272727273, 0.9, 0.5625, 0.6990291262135923),
        new(["Hispanic", "Male"], 534, 94, 80, 255, 105, 0.3258426966292135, 0.4723618090452261, 0.23880597014925373, 0.5276381909547738, 0.7611940298507462, 0.5402298850574713, 0.653558052434457),
        new(["Native American", "Female"], 4, 3, 0, 1, 0, 0.75, 1.0, 0.0, 0.0, 1.0, 1.0, 1.0),
        new(["Native American", "Male"], 14, 6, 3, 4, 1, 0.6428571428571429, 0.8571428571428571, 0.42857142857142855, 0.14285714285714285, 0.5714285714285714, 0.6666666666666666, 0.7142857142857143),
        new(["Other", "Female"], 67, 5, 6, 46, 10, 0.16417910447761194, 0.3333333333333333, 0.11538461538461539, 0.6666666666666666, 0.8846153846153846, 0.45454545454545453, 0.7611940298507462),
        new(["Other", "Male"], 310, 38, 30, 162, 80, 0.21935483870967742, 0.3220338983050847, 0.15625, 0.6779661016949152, 0.84375, 0.5588235294117647, 0.6451612903225806),
    ];

    public static readonly Disparity CompasByRaceSexBetweenGroups = new(0.75, 0.0, 1.0, 0.0, 1.0, 0.0);

    /// <summary>Disparate impact by race x sex, default reference (Native American/Female), in group order.</summary>
    public static readonly double[] CompasByRaceSexImpact = [0.689161554192229, 0.8046430135786246, 0.0, 0.35555555555555557, 0.5267489711934156, 0.4451510333863275, 0.2071197411003236, 0.4344569288389513, 1.0, 0.8571428571428572, 0.21890547263681592, 0.2924731182795699];

    // Reference/fairness_synthetic.csv (4,012 rows, written by the script with a fixed seed): label
    // outcome, prediction approved (score >= 0.5), by region. Islands has no positive label.
    public static readonly Row[] SyntheticByRegion =
    [
        new(["East"], 782, 306, 140, 209, 127, 0.5703324808184144, 0.7066974595842956, 0.40114613180515757, 0.29330254041570436, 0.5988538681948424, 0.6860986547085202, 0.6585677749360613),
        new(["Islands"], 12, 0, 6, 6, 0, 0.5, double.NaN, 0.5, double.NaN, 0.5, 0.0, 0.5),
        new(["North"], 1588, 495, 282, 532, 279, 0.4892947103274559, 0.6395348837209303, 0.3464373464373464, 0.36046511627906974, 0.6535626535626535, 0.637065637065637, 0.6467254408060453),
        new(["South"], 1192, 242, 145, 541, 264, 0.32466442953020136, 0.4782608695652174, 0.21137026239067055, 0.5217391304347826, 0.7886297376093294, 0.6253229974160207, 0.6568791946308725),
        new(["West"], 438, 49, 33, 262, 94, 0.1872146118721461, 0.34265734265734266, 0.11186440677966102, 0.6573426573426573, 0.888135593220339, 0.5975609756097561, 0.7100456621004566),
    ];

    public static readonly Disparity SyntheticByRegionBetweenGroups = new(0.38311786894626826, 0.3282552163318795, 0.38813559322033897, 0.22372881355932203, 0.364040116926953, 0.48487133781251424);

    public static readonly Disparity SyntheticByRegionToOverall = new(0.23601569720063553, 0.4423468921266491, 0.24570472630817458, 0.39798623930189625, 0.24570472630817458, 0.5823919670073516);

    /// <summary>Disparate impact by region with South as the reference, in group order.</summary>
    public static readonly double[] SyntheticByRegionImpactToSouth = [1.7566829900143408, 1.5400516795865633, 1.5070782809052388, 1.0, 0.5766403549136903];

    // Synthetic by region x sex with prediction score >= 0.6: missing sex is a group of its own
    // (listed last); West/F and Islands/missing have no rows.
    public static readonly Row[] SyntheticByRegionSex =
    [
        new(["East", "F"], 380, 109, 51, 120, 100, 0.42105263157894735, 0.5215311004784688, 0.2982456140350877, 0.4784688995215311, 0.7017543859649122, 0.68125, 0.6026315789473684),
        new(["East", "M"], 376, 110, 30, 138, 98, 0.3723404255319149, 0.5288461538461539, 0.17857142857142858, 0.47115384615384615, 0.8214285714285714, 0.7857142857142857, 0.6595744680851063),
        new(["East", null], 26, 6, 4, 6, 10, 0.38461538461538464, 0.375, 0.4, 0.625, 0.6, 0.6, 0.46153846153846156),
        new(["Islands", "F"], 6, 0, 0, 6, 0, 0.0, double.NaN, 0.0, double.NaN, 1.0, double.NaN, 1.0),
        new(["Islands", "M"], 6, 0, 1, 5, 0, 0.16666666666666666, double.NaN, 0.16666666666666666, double.NaN, 0.8333333333333334, 0.0, 0.8333333333333334),
        new(["Islands", null], 0, 0, 0, 0, 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN),
        new(["North", "F"], 783, 169, 79, 317, 218, 0.3167305236270754, 0.43669250645994834, 0.1994949494949495, 0.5633074935400517, 0.8005050505050505, 0.6814516129032258, 0.6206896551724138),
        new(["North", "M"], 765, 172, 70, 326, 197, 0.31633986928104574, 0.46612466124661245, 0.17676767676767677, 0.5338753387533876, 0.8232323232323232, 0.7107438016528925, 0.6509803921568628),
        new(["North", null], 40, 10, 3, 19, 8, 0.325, 0.5555555555555556, 0.13636363636363635, 0.4444444444444444, 0.8636363636363636, 0.7692307692307693, 0.725),
        new(["South", "F"], 575, 76, 31, 299, 169, 0.18608695652173912, 0.31020408163265306, 0.09393939393939393, 0.689795918367347, 0.906060606060606, 0.7102803738317757, 0.6521739130434783),
        new(["South", "M"], 586, 72, 33, 305, 176, 0.17918088737201365, 0.2903225806451613, 0.09763313609467456, 0.7096774193548387, 0.9023668639053254, 0.6857142857142857, 0.643344709897611),
        new(["South", null], 31, 6, 1, 17, 7, 0.22580645161290322, 0.46153846153846156, 0.05555555555555555, 0.5384615384615384, 0.9444444444444444, 0.8571428571428571, 0.7419354838709677),
        new(["West", "F"], 0, 0, 0, 0, 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN),
        new(["West", "M"], 432, 25, 12, 278, 117, 0.08564814814814815, 0.176056338028169, 0.041379310344827586, 0.823943661971831, 0.9586206896551724, 0.6756756756756757, 0.7013888888888888),
        new(["West", null], 6, 0, 1, 4, 1, 0.16666666666666666, 0.0, 0.2, 1.0, 0.8, 0.0, 0.6666666666666666),
    ];

    public static readonly Disparity SyntheticByRegionSexBetweenGroups = new(0.42105263157894735, 0.0, 0.5555555555555556, 0.0, 0.5555555555555556, 0.0);

    /// <summary>numpy.quantile(values, q) with the default linear method.</summary>
    public static readonly double[] QuantileValues = [0.31, 0.12, 0.55, 0.47, 0.12, 0.9, 0.05, 0.66, 0.38, 0.21];

    public static readonly (double Q, double Expected)[] Quantiles =
    [
        (0.0, 0.05),
        (0.025, 0.06575),
        (0.5, 0.345),
        (0.975, 0.8460000000000001),
        (1.0, 0.9),
        (0.04999999999999999, 0.08149999999999999),
        (0.95, 0.7919999999999998),
    ];
}
