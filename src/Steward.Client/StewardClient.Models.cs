using Steward.Client.Internal;

namespace Steward.Client;

public sealed partial class StewardClient
{
    /// <summary>Registers a new model name.</summary>
    /// <param name="name">A unique name.</param>
    /// <param name="description">Free text.</param>
    /// <param name="tags">Initial tags.</param>
    /// <param name="domain">The domain that owns it and its versions; the caller's default domain when null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The model as stored.</returns>
    public Task<RegisteredModel> CreateModelAsync(string name, string? description = null, IReadOnlyDictionary<string, string>? tags = null, string? domain = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Post, Api + "models", new CreateModelRequest(name, description, tags, domain), Json.CreateModelRequest, Json.RegisteredModel, cancellationToken);

    /// <summary>Reads a registered model with its latest versions and aliases.</summary>
    /// <param name="name">The model's name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The model.</returns>
    public Task<RegisteredModel> GetModelAsync(string name, CancellationToken cancellationToken = default) =>
        GetAsync(ModelUrl(name), Json.RegisteredModel, cancellationToken);

    /// <summary>Replaces a model's description.</summary>
    /// <param name="name">The model's name.</param>
    /// <param name="description">The new description.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The model as stored.</returns>
    public Task<RegisteredModel> UpdateModelAsync(string name, string description, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Patch, ModelUrl(name), new UpdateDescriptionRequest(description), Json.UpdateDescriptionRequest, Json.RegisteredModel, cancellationToken);

    /// <summary>Renames a model; its versions follow.</summary>
    /// <param name="name">The model's current name.</param>
    /// <param name="newName">Its new unique name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The model as stored.</returns>
    public Task<RegisteredModel> RenameModelAsync(string name, string newName, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Post, ModelUrl(name) + "/rename", new RenameModelRequest(newName), Json.RenameModelRequest, Json.RegisteredModel, cancellationToken);

    /// <summary>Deletes a model with all its versions, tags and aliases.</summary>
    /// <param name="name">The model's name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the model is gone.</returns>
    public Task DeleteModelAsync(string name, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, ModelUrl(name), cancellationToken);

    /// <summary>Sets (or replaces) a tag on a model.</summary>
    /// <param name="name">The model's name.</param>
    /// <param name="key">The tag's key.</param>
    /// <param name="value">The tag's value.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the tag is stored.</returns>
    public Task SetModelTagAsync(string name, string key, string value, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Put, $"{ModelUrl(name)}/tags/{Segment(key)}", new SetTagRequest(value), Json.SetTagRequest, cancellationToken);

    /// <summary>Removes a tag from a model.</summary>
    /// <param name="name">The model's name.</param>
    /// <param name="key">The tag's key.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the tag is gone.</returns>
    public Task DeleteModelTagAsync(string name, string key, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"{ModelUrl(name)}/tags/{Segment(key)}", cancellationToken);

    /// <summary>Reads one page of registered models.</summary>
    /// <param name="search">Filter, order and page size; all models when null.</param>
    /// <param name="pageToken">The previous page's <see cref="Page{T}.NextPageToken"/>, or null for the first page.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One page.</returns>
    public Task<Page<RegisteredModel>> SearchModelsAsync(RegistrySearch? search = null, string? pageToken = null, CancellationToken cancellationToken = default) =>
        GetAsync(WithSearch(Api + "models", search, pageToken), Json.PageRegisteredModel, cancellationToken);

    /// <summary>Every registered model matching a search, following page tokens as it goes.</summary>
    /// <param name="search">Filter, order and page size; all models when null.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The models, in order.</returns>
    public IAsyncEnumerable<RegisteredModel> SearchAllModelsAsync(RegistrySearch? search = null, CancellationToken cancellationToken = default) =>
        AllPagesAsync((token, ct) => SearchModelsAsync(search, token, ct), cancellationToken);

    /// <summary>Adds a version to a model.</summary>
    /// <param name="name">The model's name.</param>
    /// <param name="source">Where the version's files are, e.g. <c>runs:/&lt;run id&gt;/model</c>.</param>
    /// <param name="runId">The run that produced it.</param>
    /// <param name="description">Free text.</param>
    /// <param name="tags">Initial tags.</param>
    /// <param name="runLink">A link to the producing run.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new version, numbered one past the highest ever used.</returns>
    public Task<ModelVersion> CreateModelVersionAsync(
        string name,
        string source,
        string? runId = null,
        string? description = null,
        IReadOnlyDictionary<string, string>? tags = null,
        string? runLink = null,
        CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Post, ModelUrl(name) + "/versions", new CreateModelVersionRequest(source, runId, runLink, description, tags), Json.CreateModelVersionRequest, Json.ModelVersion, cancellationToken);

    /// <summary>Reads one version of a model.</summary>
    /// <param name="name">The model's name.</param>
    /// <param name="version">The version number.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The version.</returns>
    public Task<ModelVersion> GetModelVersionAsync(string name, int version, CancellationToken cancellationToken = default) =>
        GetAsync(VersionUrl(name, version), Json.ModelVersion, cancellationToken);

    /// <summary>Replaces a version's description.</summary>
    /// <param name="name">The model's name.</param>
    /// <param name="version">The version number.</param>
    /// <param name="description">The new description.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The version as stored.</returns>
    public Task<ModelVersion> UpdateModelVersionAsync(string name, int version, string description, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Patch, VersionUrl(name, version), new UpdateDescriptionRequest(description), Json.UpdateDescriptionRequest, Json.ModelVersion, cancellationToken);

    /// <summary>Deletes a version and the aliases that pointed at it; its number is never reused.</summary>
    /// <param name="name">The model's name.</param>
    /// <param name="version">The version number.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the version is gone.</returns>
    public Task DeleteModelVersionAsync(string name, int version, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, VersionUrl(name, version), cancellationToken);

    /// <summary>Reads one page of a model's versions, newest first.</summary>
    /// <param name="name">The model's name.</param>
    /// <param name="maxResults">Page size; the server's default when null.</param>
    /// <param name="pageToken">The previous page's <see cref="Page{T}.NextPageToken"/>, or null for the first page.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One page.</returns>
    public Task<Page<ModelVersion>> ListModelVersionsAsync(string name, int? maxResults = null, string? pageToken = null, CancellationToken cancellationToken = default) =>
        GetAsync(WithSearch(ModelUrl(name) + "/versions", new RegistrySearch { MaxResults = maxResults }, pageToken), Json.PageModelVersion, cancellationToken);

    /// <summary>Reads one page of model versions across models.</summary>
    /// <param name="search">Filter (e.g. <c>name = 'churn'</c>), order and page size.</param>
    /// <param name="pageToken">The previous page's <see cref="Page{T}.NextPageToken"/>, or null for the first page.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One page.</returns>
    public Task<Page<ModelVersion>> SearchModelVersionsAsync(RegistrySearch? search = null, string? pageToken = null, CancellationToken cancellationToken = default) =>
        GetAsync(WithSearch(Api + "model-versions/search", search, pageToken), Json.PageModelVersion, cancellationToken);

    /// <summary>Every model version matching a search, following page tokens as it goes.</summary>
    /// <param name="search">Filter, order and page size.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The versions, in order.</returns>
    public IAsyncEnumerable<ModelVersion> SearchAllModelVersionsAsync(RegistrySearch? search = null, CancellationToken cancellationToken = default) =>
        AllPagesAsync((token, ct) => SearchModelVersionsAsync(search, token, ct), cancellationToken);

    /// <summary>The newest version of a model in each of the given stages (in every stage when none are given).</summary>
    /// <param name="name">The model's name.</param>
    /// <param name="stages">The stages of interest.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>At most one version per stage.</returns>
    public async Task<IReadOnlyList<ModelVersion>> GetLatestVersionsAsync(string name, IReadOnlyList<ModelStage>? stages = null, CancellationToken cancellationToken = default)
    {
        var url = new QueryString(ModelUrl(name) + "/latest-versions").AddAll("stage", stages?.Select(s => s.ToString()));
        return (await GetAsync(url.ToString(), Json.PageModelVersion, cancellationToken)).Items;
    }

    /// <summary>Sets (or replaces) a tag on a model version.</summary>
    /// <param name="name">The model's name.</param>
    /// <param name="version">The version number.</param>
    /// <param name="key">The tag's key.</param>
    /// <param name="value">The tag's value.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the tag is stored.</returns>
    public Task SetModelVersionTagAsync(string name, int version, string key, string value, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Put, $"{VersionUrl(name, version)}/tags/{Segment(key)}", new SetTagRequest(value), Json.SetTagRequest, cancellationToken);

    /// <summary>Removes a tag from a model version.</summary>
    /// <param name="name">The model's name.</param>
    /// <param name="version">The version number.</param>
    /// <param name="key">The tag's key.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the tag is gone.</returns>
    public Task DeleteModelVersionTagAsync(string name, int version, string key, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"{VersionUrl(name, version)}/tags/{Segment(key)}", cancellationToken);

    /// <summary>
    /// Moves a version to a stage. Governance may refuse it: then a
    /// <see cref="StewardApiException"/> with status 403 lists what is missing.
    /// </summary>
    /// <param name="name">The model's name.</param>
    /// <param name="version">The version number.</param>
    /// <param name="stage">The target stage.</param>
    /// <param name="archiveExistingVersions">Archive the versions already in that stage.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The version as stored.</returns>
    public Task<ModelVersion> TransitionStageAsync(string name, int version, ModelStage stage, bool archiveExistingVersions = false, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Post, VersionUrl(name, version) + "/stage", new TransitionStageRequest(WireNames.Name(stage), archiveExistingVersions), Json.TransitionStageRequest, Json.ModelVersion, cancellationToken);

    /// <summary>Points an alias (e.g. <c>champion</c>) at a version, moving it if it exists. Governance may refuse it (403).</summary>
    /// <param name="name">The model's name.</param>
    /// <param name="alias">The alias.</param>
    /// <param name="version">The version it should point at.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The version the alias now points at.</returns>
    public Task<ModelVersion> SetAliasAsync(string name, string alias, int version, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Put, $"{ModelUrl(name)}/aliases/{Segment(alias)}", new SetAliasRequest(version), Json.SetAliasRequest, Json.ModelVersion, cancellationToken);

    /// <summary>Removes an alias from a model.</summary>
    /// <param name="name">The model's name.</param>
    /// <param name="alias">The alias.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the alias is gone.</returns>
    public Task DeleteAliasAsync(string name, string alias, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"{ModelUrl(name)}/aliases/{Segment(alias)}", cancellationToken);

    /// <summary>The version an alias points at.</summary>
    /// <param name="name">The model's name.</param>
    /// <param name="alias">The alias.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The version.</returns>
    public Task<ModelVersion> GetModelVersionByAliasAsync(string name, string alias, CancellationToken cancellationToken = default) =>
        GetAsync($"{ModelUrl(name)}/aliases/{Segment(alias)}", Json.ModelVersion, cancellationToken);

    private static string ModelUrl(string name) => $"{Api}models/{Segment(name)}";

    private static string VersionUrl(string name, int version) => $"{ModelUrl(name)}/versions/{version}";

    private static string WithSearch(string path, RegistrySearch? search, string? pageToken) =>
        new QueryString(path)
            .Add("filter", search?.Filter)
            .AddAll("orderBy", search?.OrderBy)
            .Add("maxResults", search?.MaxResults)
            .Add("pageToken", pageToken)
            .ToString();
}
