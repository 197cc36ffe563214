using System.Globalization;
using Steward.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Steward.Governance.Configuration;

/// <summary>
/// A node of a governance configuration file (YAML, or JSON, which is YAML too) that knows its
/// path (<c>factors[1].levels[0].points</c>) and line, so that every error names both. Reading
/// is strict: unknown keys, wrong types and missing fields are errors, never ignored.
/// </summary>
internal sealed class ConfigNode
{
    private readonly YamlNode _node;
    private readonly string _document;

    private ConfigNode(YamlNode node, string path, string document)
    {
        _node = node;
        Path = path;
        _document = document;
    }

    /// <summary>Where the node is, e.g. <c>tiers[2].max_score</c>; empty for the root.</summary>
    public string Path { get; }

    /// <summary>Parses <paramref name="text"/> as one YAML document whose root is a mapping.</summary>
    /// <param name="text">The file's content.</param>
    /// <param name="document">What the file is, for messages: "scorecard configuration".</param>
    public static ConfigNode Parse(string? text, string document)
    {
        if (string.IsNullOrWhiteSpace(text)) throw StewardException.Invalid($"The {document} is empty.");
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw StewardException.Invalid($"The {document} is not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {(e.InnerException ?? e).Message}");
        }
        catch (ArgumentException e)
        {
            // A key given twice in one mapping.
            throw StewardException.Invalid($"The {document} is not valid YAML: {e.Message}");
        }

        if (stream.Documents.Count != 1) throw StewardException.Invalid($"The {document} must hold exactly one YAML document, found {stream.Documents.Count}.");
        var root = new ConfigNode(stream.Documents[0].RootNode, "", document);
        root.Mapping();
        return root;
    }

    /// <summary>Fails unless every key of this mapping is one of <paramref name="allowed"/>.</summary>
    public void AllowOnly(params string[] allowed)
    {
        foreach (var key in Mapping().Children.Keys)
        {
            var name = ((YamlScalarNode)key).Value ?? "";
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                throw Error($"unknown field '{name}'; expected one of: {string.Join(", ", allowed)}", key);
            }
        }
    }

    /// <summary>The child under <paramref name="key"/>; fails when it is missing.</summary>
    public ConfigNode Required(string key) =>
        Optional(key) ?? throw Error($"missing required field '{key}'");

    /// <summary>The child under <paramref name="key"/>, or null when the key is absent or its value is null.</summary>
    public ConfigNode? Optional(string key)
    {
        if (!Mapping().Children.TryGetValue(new YamlScalarNode(key), out var child)) return null;
        if (child is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" }) return null;
        return new ConfigNode(child, Path.Length == 0 ? key : $"{Path}.{key}", _document);
    }

    /// <summary>The items of a sequence.</summary>
    public IReadOnlyList<ConfigNode> Items()
    {
        if (_node is not YamlSequenceNode sequence) throw Error("expected a list");
        return sequence.Children.Select((child, i) => new ConfigNode(child, $"{Path}[{i}]", _document)).ToList();
    }

    /// <summary>The scalar's text; fails for lists and mappings.</summary>
    public string Text()
    {
        if (_node is not YamlScalarNode scalar) throw Error("expected a text value");
        return scalar.Value ?? "";
    }

    /// <summary>A non-empty text of at most <paramref name="maxLength"/> characters.</summary>
    public string NonEmptyText(int maxLength = 500)
    {
        var text = Text().Trim();
        if (text.Length == 0) throw Error("must not be empty");
        if (text.Length > maxLength) throw Error($"is longer than {maxLength} characters");
        return text;
    }

    public decimal Number()
    {
        var text = Text();
        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) return value;
        throw Error($"expected a number, got '{text}'");
    }

    public int Integer(int min, int max)
    {
        var text = Text();
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        throw Error($"expected a whole number from {min} to {max}, got '{text}'");
    }

    public bool Boolean()
    {
        var text = Text();
        return text.ToLowerInvariant() switch
        {
            "true" or "yes" => true,
            "false" or "no" => false,
            _ => throw Error($"expected true or false, got '{text}'"),
        };
    }

    /// <summary>An error about this node: "The scorecard configuration: factors[1].points (line 7): ...".</summary>
    public StewardException Error(string message) => Error(message, _node);

    private StewardException Error(string message, YamlNode at)
    {
        var where = Path.Length == 0 ? $"line {at.Start.Line}" : $"{Path} (line {at.Start.Line})";
        return StewardException.Invalid($"Invalid {_document}: {where}: {message}.");
    }

    private YamlMappingNode Mapping() => _node as YamlMappingNode ?? throw Error("expected a mapping of fields");
}
