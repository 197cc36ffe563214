namespace Steward.Client;

/// <summary>A data set used by a run, with tags such as <c>mlflow.data.context=training</c>.</summary>
/// <param name="Dataset">The data set.</param>
/// <param name="Tags">How the run used it.</param>
public sealed record DatasetInput(Dataset Dataset, IReadOnlyDictionary<string, string>? Tags = null);
