using Steward.Tracking;
using Steward.Storage.Tests.Support;

namespace Steward.Storage.Tests.Tracking;

/// <summary>Which experiments can own a path of the served artifact store.</summary>
public abstract partial class TrackingStoreContract
{
    [Fact]
    public async Task artifact_locations_list_the_experiment_a_path_names_and_every_custom_served_location()
    {
        var plain = await NewExperimentAsync();
        var other = await NewExperimentAsync();
        var folder = $"mlflow-artifacts:/{UniqueName("team")}";
        var custom = await Store.CreateExperimentAsync(TestChange.Next(), UniqueName("exp"), folder, TrackingService.DefaultArtifactRoot, "risk", [], Now, None);
        var elsewhere = await Store.CreateExperimentAsync(TestChange.Next(), UniqueName("exp"), "s3://bucket/x", TrackingService.DefaultArtifactRoot, "default", [], Now, None);

        var listed = await Store.ListArtifactLocationsAsync(TrackingService.DefaultArtifactRoot, plain, None);
        Assert.Contains(new ExperimentLocation(plain, $"mlflow-artifacts:/{plain}", "default"), listed);
        Assert.Contains(new ExperimentLocation(custom, folder, "risk"), listed);
        Assert.DoesNotContain(listed, l => l.ExperimentId == other || l.ExperimentId == elsewhere);

        var byName = await Store.ListArtifactLocationsAsync(TrackingService.DefaultArtifactRoot, "team", None);
        Assert.Contains(byName, l => l.ExperimentId == custom);
        Assert.DoesNotContain(byName, l => l.ExperimentId == plain);
    }
}
