using System.Net;
using Steward.Client.Internal;

namespace Steward.Client;

public sealed partial class StewardClient
{
    /// <summary>Creates an experiment.</summary>
    /// <param name="name">A unique name.</param>
    /// <param name="artifactLocation">Where its runs store artifacts; the server's artifact store when null.</param>
    /// <param name="tags">Initial tags.</param>
    /// <param name="domain">The domain that owns it; the caller's default domain when null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The experiment as stored.</returns>
    public Task<Experiment> CreateExperimentAsync(string name, string? artifactLocation = null, IReadOnlyDictionary<string, string>? tags = null, string? domain = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Post, Api + "experiments", new CreateExperimentRequest(name, artifactLocation, tags, domain), Json.CreateExperimentRequest, Json.Experiment, cancellationToken);

    /// <summary>
    /// Returns the experiment named <paramref name="name"/>, creating it first when there is none:
    /// MLflow's <c>set_experiment</c>, so a script runs the same the first time and every time after.
    /// Another client creating it at the same moment is not an error; its experiment is returned.
    /// </summary>
    /// <param name="name">The experiment's name.</param>
    /// <param name="domain">The domain to create it in (the caller's default domain when null); an existing experiment is returned wherever it lives.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The experiment, active.</returns>
    /// <exception cref="InvalidOperationException">The experiment of that name is deleted: restore it (<see cref="RestoreExperimentAsync"/>) or choose another name.</exception>
    public async Task<Experiment> SetExperimentAsync(string name, string? domain = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var existing = await FindExperimentByNameAsync(name, cancellationToken);
        if (existing is null)
        {
            try
            {
                return await CreateExperimentAsync(name, domain: domain, cancellationToken: cancellationToken);
            }
            catch (StewardApiException e) when (e.StatusCode == HttpStatusCode.Conflict)
            {
                // Another client created it between our read and our create: use theirs.
                existing = await GetExperimentByNameAsync(name, cancellationToken);
            }
        }

        return existing.LifecycleStage == LifecycleStage.Deleted
            ? throw new InvalidOperationException(
                $"Experiment '{name}' (id {existing.ExperimentId}) is deleted: restore it with RestoreExperimentAsync(\"{existing.ExperimentId}\") or choose another name.")
            : existing;
    }

    private async Task<Experiment?> FindExperimentByNameAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return await GetExperimentByNameAsync(name, cancellationToken);
        }
        catch (StewardApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Reads an experiment by id.</summary>
    /// <param name="experimentId">The experiment's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The experiment.</returns>
    public Task<Experiment> GetExperimentAsync(string experimentId, CancellationToken cancellationToken = default) =>
        GetAsync($"{Api}experiments/{Segment(experimentId)}", Json.Experiment, cancellationToken);

    /// <summary>Reads an experiment by its name.</summary>
    /// <param name="name">The experiment's name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The experiment.</returns>
    public Task<Experiment> GetExperimentByNameAsync(string name, CancellationToken cancellationToken = default) =>
        GetAsync($"{Api}experiments/by-name/{Segment(name)}", Json.Experiment, cancellationToken);

    /// <summary>Reads one page of experiments.</summary>
    /// <param name="search">Filter, order and page size; all active experiments when null.</param>
    /// <param name="pageToken">The previous page's <see cref="Page{T}.NextPageToken"/>, or null for the first page.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One page.</returns>
    public Task<Page<Experiment>> SearchExperimentsAsync(ExperimentSearch? search = null, string? pageToken = null, CancellationToken cancellationToken = default)
    {
        search ??= new ExperimentSearch();
        var path = new QueryString(Api + "experiments")
            .Add("filter", search.Filter)
            .AddAll("orderBy", search.OrderBy)
            .Add("view", WireNames.Name(search.View))
            .Add("maxResults", search.MaxResults)
            .Add("pageToken", pageToken);
        return GetAsync(path.ToString(), Json.PageExperiment, cancellationToken);
    }

    /// <summary>Every experiment matching a search, following page tokens as it goes.</summary>
    /// <param name="search">Filter, order and page size; all active experiments when null.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The experiments, in order.</returns>
    public IAsyncEnumerable<Experiment> SearchAllExperimentsAsync(ExperimentSearch? search = null, CancellationToken cancellationToken = default) =>
        AllPagesAsync((token, ct) => SearchExperimentsAsync(search, token, ct), cancellationToken);

    /// <summary>Renames an experiment.</summary>
    /// <param name="experimentId">The experiment's id.</param>
    /// <param name="newName">Its new unique name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The experiment as stored.</returns>
    public Task<Experiment> RenameExperimentAsync(string experimentId, string newName, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Patch, $"{Api}experiments/{Segment(experimentId)}", new UpdateExperimentRequest(newName), Json.UpdateExperimentRequest, Json.Experiment, cancellationToken);

    /// <summary>Soft-deletes an experiment and its runs; <see cref="RestoreExperimentAsync"/> undoes it.</summary>
    /// <param name="experimentId">The experiment's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the experiment is deleted.</returns>
    public Task DeleteExperimentAsync(string experimentId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"{Api}experiments/{Segment(experimentId)}", cancellationToken);

    /// <summary>Restores a soft-deleted experiment and its runs.</summary>
    /// <param name="experimentId">The experiment's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the experiment is restored.</returns>
    public Task RestoreExperimentAsync(string experimentId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"{Api}experiments/{Segment(experimentId)}/restore", cancellationToken);

    /// <summary>Sets (or replaces) a tag on an experiment.</summary>
    /// <param name="experimentId">The experiment's id.</param>
    /// <param name="key">The tag's key.</param>
    /// <param name="value">The tag's value.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the tag is stored.</returns>
    public Task SetExperimentTagAsync(string experimentId, string key, string value, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Put, $"{Api}experiments/{Segment(experimentId)}/tags/{Segment(key)}", new SetTagRequest(value), Json.SetTagRequest, cancellationToken);

    /// <summary>Removes a tag from an experiment.</summary>
    /// <param name="experimentId">The experiment's id.</param>
    /// <param name="key">The tag's key.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the tag is gone.</returns>
    public Task DeleteExperimentTagAsync(string experimentId, string key, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"{Api}experiments/{Segment(experimentId)}/tags/{Segment(key)}", cancellationToken);
}
