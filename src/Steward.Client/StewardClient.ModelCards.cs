using Steward.Client.Internal;

namespace Steward.Client;

public sealed partial class StewardClient
{
    /// <summary>Reads a model version's card: the newest revision, or the draft (revision 0) when none is stored.</summary>
    /// <param name="name">The registered model.</param>
    /// <param name="version">The version.</param>
    /// <param name="revision">A revision, or null for the newest.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The card.</returns>
    public Task<ModelCard> GetModelCardAsync(string name, int version, int? revision = null, CancellationToken cancellationToken = default) =>
        GetAsync(new QueryString(VersionPath(name, version) + "/card").Add("revision", revision).ToString(), GovernanceJsonTypes.ModelCard, cancellationToken);

    /// <summary>Stores the next revision of a card with new text in some sections (empty text clears a section).</summary>
    /// <param name="name">The registered model.</param>
    /// <param name="version">The version.</param>
    /// <param name="sections">Section key → text.</param>
    /// <param name="baseRevision">The revision the edit was made on; refused if the card moved on meanwhile.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new revision.</returns>
    public Task<ModelCard> EditModelCardAsync(string name, int version, IReadOnlyDictionary<string, string> sections, int? baseRevision = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Put, VersionPath(name, version) + "/card", new EditCardRequest(sections.ToDictionary(kv => kv.Key, string? (kv) => kv.Value, StringComparer.Ordinal), baseRevision), GovernanceJsonTypes.EditCardRequest, GovernanceJsonTypes.ModelCard, cancellationToken);

    /// <summary>Every stored revision of a card, oldest first.</summary>
    /// <param name="name">The registered model.</param>
    /// <param name="version">The version.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The revisions.</returns>
    public Task<Page<ModelCardRevision>> ListModelCardRevisionsAsync(string name, int version, CancellationToken cancellationToken = default) =>
        GetAsync(VersionPath(name, version) + "/card/revisions", GovernanceJsonTypes.PageModelCardRevision, cancellationToken);

    /// <summary>Downloads a card rendered as Markdown (<c>md</c>) or HTML (<c>html</c>).</summary>
    /// <param name="name">The registered model.</param>
    /// <param name="version">The version.</param>
    /// <param name="format">md or html.</param>
    /// <param name="revision">A revision, or null for the newest.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The rendered text.</returns>
    public async Task<string> RenderModelCardAsync(string name, int version, string format = "md", int? revision = null, CancellationToken cancellationToken = default)
    {
        var path = new QueryString(VersionPath(name, version) + "/card/render").Add("format", format).Add("revision", revision).ToString();
        using var request = Request(HttpMethod.Get, path);
        using var response = await SendAsync(request, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }
}
