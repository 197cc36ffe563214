using Steward.Analytics.Files;
using Steward.Stats.Fairness;

namespace Steward.Analytics.Fairness;

/// <summary>
/// A fairness audit of a data file: counts in DuckDB (<see cref="FairnessCounting"/>), metrics and
/// bootstrap in the engine (<see cref="FairnessAudit"/>). The CLI and the server both call this.
/// </summary>
public static class FairnessFileAudit
{
    /// <summary>
    /// Audits <paramref name="file"/>. A problem with the data or the columns is a
    /// <see cref="DataFileException"/>; a bad option (reference group, bootstrap) an <see cref="ArgumentException"/>.
    /// </summary>
    public static FairnessReport Run(DataFile file, FairnessDataSpec spec, FairnessOptions? options = null)
    {
        var table = FairnessCounting.Count(file, spec);
        return FairnessAudit.Run(table, options, Source(file, spec));
    }

    /// <summary>What the report records about where its rows came from.</summary>
    public static FairnessSource Source(DataFile file, FairnessDataSpec spec)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(spec);
        return new FairnessSource
        {
            Data = file.Path,
            Where = file.Where,
            Label = file.Column(spec.Label).Name,
            Positive = spec.Positive,
            Prediction = spec.Prediction is null ? null : file.Column(spec.Prediction).Name,
            Score = spec.Score is null ? null : file.Column(spec.Score).Name,
            Threshold = spec.Threshold,
        };
    }
}
