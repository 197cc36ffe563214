using Steward.Registry;

namespace Steward.Portfolio;

/// <summary>How many model versions of models in <paramref name="Domain"/> stand at <paramref name="Stage"/>.</summary>
/// <param name="Domain">The domain of the versions' registered model.</param>
/// <param name="Stage">The versions' current stage.</param>
/// <param name="Count">How many there are (at least one).</param>
public sealed record StageCount(string Domain, ModelStage Stage, int Count);
