namespace Steward.Tracking;

/// <summary>One execution of training or evaluation code: attributes, logged data and inputs.</summary>
public sealed record Run(RunInfo Info, RunData Data, IReadOnlyList<DatasetInput> Inputs);
