using System.Text.Json.Nodes;

namespace Steward.Governance.Configuration;

/// <summary>
/// What a <see cref="VersionedDocumentService{TContent, TVersion}"/> needs to know of its file:
/// its kind, how messages and the ledger name it, how to parse it, and the shipped version 0.
/// </summary>
/// <typeparam name="TContent">The file's parsed content.</typeparam>
/// <typeparam name="TVersion">A version with its parsed content.</typeparam>
public sealed class VersionedDocumentKind<TContent, TVersion>
{
    private readonly Func<string?, TContent> _parse;
    private readonly Func<VersionedDocument, TContent, TVersion> _version;
    private readonly Func<TContent, JsonObject> _describe;

    /// <param name="kind">What the file configures (<see cref="DocumentKinds"/>).</param>
    /// <param name="title">How messages name the file, e.g. <c>Lifecycle policy</c>.</param>
    /// <param name="updateAction">The ledger action of storing a version.</param>
    /// <param name="shippedFile">The file shipped in <c>Governance/Defaults</c>, version 0.</param>
    /// <param name="parse">Checks and parses a file's text; throws InvalidParameterValue naming what is wrong.</param>
    /// <param name="version">A version from its stored file and parsed content.</param>
    /// <param name="describe">What a stored version's ledger entry records beside the file's SHA-256.</param>
    public VersionedDocumentKind(
        string kind, string title, string updateAction, string shippedFile,
        Func<string?, TContent> parse, Func<VersionedDocument, TContent, TVersion> version, Func<TContent, JsonObject> describe)
    {
        Kind = kind;
        Title = title;
        UpdateAction = updateAction;
        _parse = parse;
        _version = version;
        _describe = describe;
        ShippedDocument = VersionedDocument.Shipped(kind, DocumentName, ShippedFiles.Read(shippedFile));
        Shipped = Load(ShippedDocument);
    }

    /// <summary>The name the one file of a kind is stored under.</summary>
    public const string DocumentName = "default";

    /// <summary>What the file configures (<see cref="DocumentKinds"/>).</summary>
    public string Kind { get; }

    /// <summary>How messages name the file.</summary>
    public string Title { get; }

    /// <summary>The ledger action of storing a version.</summary>
    public string UpdateAction { get; }

    /// <summary>The shipped file, version 0.</summary>
    public VersionedDocument ShippedDocument { get; }

    /// <summary>The shipped file with its parsed content.</summary>
    public TVersion Shipped { get; }

    /// <summary>Checks and parses a file's text.</summary>
    public TContent Parse(string? content) => _parse(content);

    /// <summary>A version from its stored file and parsed content.</summary>
    public TVersion Version(VersionedDocument document, TContent content) => _version(document, content);

    /// <summary>A stored file with its parsed content.</summary>
    public TVersion Load(VersionedDocument document) => _version(document, _parse(document.Content));

    /// <summary>The payload of a stored version's ledger entry.</summary>
    public JsonObject Describe(TContent content, string sha256)
    {
        var payload = _describe(content);
        payload["content_sha256"] = sha256;
        return payload;
    }
}
