using Steward.Client;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Replicas;

/// <summary>Replicas with their own data folders and one artifact folder (<c>--artifacts</c>): what one stores, the other serves.</summary>
public sealed class SharedArtifactFolderTests
{
    [PostgresFact]
    public async Task an_artifact_uploaded_through_one_replica_downloads_through_the_other()
    {
        await using var replicas = await Support.Replicas.StartAsync();
        using var first = new StewardClient(replicas.First.Address, replicas.AdminToken);
        using var second = new StewardClient(replicas.Second.Address, replicas.AdminToken);
        var experiment = await first.CreateExperimentAsync("shared-artifacts");
        var run = await first.CreateRunAsync(experiment.ExperimentId);

        using (var upload = new MemoryStream("weights"u8.ToArray())) await first.UploadArtifactAsync(run.RunId, "model/weights.bin", upload);

        Assert.Equal("weights"u8.ToArray(), await second.DownloadArtifactBytesAsync(run.RunId, "model/weights.bin"));
        Assert.NotEmpty(Directory.GetFiles(replicas.ArtifactDirectory, "weights.bin", SearchOption.AllDirectories));
    }
}
