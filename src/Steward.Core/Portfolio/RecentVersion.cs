using Steward.Registry;

namespace Steward.Portfolio;

/// <summary>A model version as the overview lists it.</summary>
/// <param name="Name">The registered model's name.</param>
/// <param name="Version">The version number.</param>
/// <param name="Stage">Its current stage.</param>
/// <param name="LastUpdated">When it last changed, Unix milliseconds.</param>
public sealed record RecentVersion(string Name, int Version, ModelStage Stage, long LastUpdated);
