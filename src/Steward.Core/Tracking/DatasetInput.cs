namespace Steward.Tracking;

/// <summary>A data set used by a run, with tags such as <c>mlflow.data.context=training</c>.</summary>
public sealed record DatasetInput(IReadOnlyList<Tag> Tags, Dataset Dataset);
