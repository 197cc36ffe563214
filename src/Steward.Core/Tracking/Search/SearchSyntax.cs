using System.Globalization;
using Steward.Errors;

namespace Steward.Tracking.Search;

/// <summary>
/// MLflow's search grammar: <c>clause AND clause ...</c> where a clause is
/// <c>entity.key comparator value</c> or <c>attribute [NOT] IN ('a', 'b')</c>, and order-by
/// entries <c>entity.key [ASC|DESC]</c>. Parsing is the only validation: what comes out can be
/// translated to SQL without further checks.
/// </summary>
public static class SearchSyntax
{
    public static IReadOnlyList<FilterClause> ParseRunFilter(string? filter) => ParseFilter(filter, SearchSchema.Runs);

    public static IReadOnlyList<OrderClause> ParseRunOrderBy(IReadOnlyList<string>? orderBy) => ParseOrderBy(orderBy, SearchSchema.Runs);

    public static IReadOnlyList<FilterClause> ParseExperimentFilter(string? filter) => ParseFilter(filter, SearchSchema.Experiments);

    public static IReadOnlyList<OrderClause> ParseExperimentOrderBy(IReadOnlyList<string>? orderBy) => ParseOrderBy(orderBy, SearchSchema.Experiments);

    public static IReadOnlyList<FilterClause> ParseRegisteredModelFilter(string? filter) => ParseFilter(filter, SearchSchema.RegisteredModels);

    public static IReadOnlyList<OrderClause> ParseRegisteredModelOrderBy(IReadOnlyList<string>? orderBy) => ParseOrderBy(orderBy, SearchSchema.RegisteredModels);

    public static IReadOnlyList<FilterClause> ParseModelVersionFilter(string? filter) => ParseFilter(filter, SearchSchema.ModelVersions);

    public static IReadOnlyList<OrderClause> ParseModelVersionOrderBy(IReadOnlyList<string>? orderBy) => ParseOrderBy(orderBy, SearchSchema.ModelVersions);

    internal static IReadOnlyList<FilterClause> ParseFilter(string? filter, SearchSchema schema)
    {
        if (string.IsNullOrWhiteSpace(filter)) return [];
        var tokens = SearchTokenizer.Tokenize(filter);
        var clauses = new List<FilterClause>();
        var i = 0;
        while (true)
        {
            clauses.Add(ParseClause(tokens, ref i, schema, filter));
            var next = tokens[i];
            if (next.Kind == TokenKind.End) return clauses;
            if (next.Kind == TokenKind.Keyword && next.Text == "AND")
            {
                i++;
                continue;
            }

            if (next.Kind == TokenKind.Keyword && next.Text == "OR")
            {
                throw StewardException.Invalid($"Invalid clause(s) in filter string: 'OR' is not supported; join clauses with AND. Filter: '{filter}'");
            }

            throw StewardException.Invalid($"Invalid filter '{filter}': expected AND or the end at position {next.Position}, found '{next.Text}'");
        }
    }

    private static FilterClause ParseClause(List<SearchToken> tokens, ref int i, SearchSchema schema, string filter)
    {
        var (entity, key) = ParseIdentifier(tokens, ref i, schema, filter, forOrderBy: false);
        var comparator = ParseComparator(tokens, ref i, filter);
        var numeric = entity == FilterEntity.Metric || (entity == FilterEntity.Attribute && schema.IsNumeric(key));
        CheckComparator(entity, key, comparator, numeric, filter);

        if (comparator is Comparator.In or Comparator.NotIn)
        {
            return new FilterClause(entity, key, comparator, null, null, ParseList(tokens, ref i, filter));
        }

        var value = tokens[i++];
        if (numeric)
        {
            if (value.Kind != TokenKind.Number)
            {
                throw StewardException.Invalid($"Expected numeric value type for {Describe(entity, key)}, got '{value.Text}' in filter '{filter}'");
            }

            return new FilterClause(entity, key, comparator, double.Parse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture), null, null);
        }

        if (value.Kind != TokenKind.String)
        {
            throw StewardException.Invalid($"Value for {Describe(entity, key)} must be quoted with single or double quotes, got '{value.Text}' in filter '{filter}'");
        }

        return new FilterClause(entity, key, comparator, null, value.Text, null);
    }

    private static (FilterEntity Entity, string Key) ParseIdentifier(List<SearchToken> tokens, ref int i, SearchSchema schema, string text, bool forOrderBy)
    {
        var token = tokens[i++];
        if (token.Kind != TokenKind.Identifier)
        {
            throw StewardException.Invalid($"Invalid identifier '{token.Text}' at position {token.Position} of '{text}'");
        }

        string prefix;
        string key;
        if (token.Key is not null)
        {
            prefix = token.Text[..^(token.Key.Length + 1)];
            key = token.Key;
        }
        else if (token.Text.Contains('.'))
        {
            var dot = token.Text.IndexOf('.');
            prefix = token.Text[..dot];
            key = token.Text[(dot + 1)..];
        }
        else
        {
            prefix = "";
            key = token.Text;
        }

        var entity = prefix.ToLowerInvariant() switch
        {
            "" or "attribute" or "attributes" or "attr" or "run" => FilterEntity.Attribute,
            "metric" or "metrics" => FilterEntity.Metric,
            "param" or "params" or "parameter" or "parameters" => FilterEntity.Param,
            "tag" or "tags" => FilterEntity.Tag,
            "dataset" or "datasets" => FilterEntity.Dataset,
            _ => throw StewardException.Invalid($"Invalid entity type '{prefix}' in '{text}'. Valid values are metrics, params, tags, attributes and datasets"),
        };

        if (!schema.Entities.Contains(entity))
        {
            throw StewardException.Invalid($"Searching {schema.Subject} by {prefix} is not supported: '{text}'");
        }

        if (key.Length == 0) throw StewardException.Invalid($"Missing key after '{prefix}.' in '{text}'");

        if (entity == FilterEntity.Attribute)
        {
            var canonical = forOrderBy ? schema.OrderAliases.GetValueOrDefault(key) : schema.Attribute(key);
            if (canonical is null)
            {
                var valid = string.Join(", ", forOrderBy ? schema.OrderAliases.Keys : schema.AttributeNames);
                throw StewardException.Invalid($"Invalid attribute key '{key}' specified for {schema.Subject}. Valid keys are {valid}");
            }

            return (entity, canonical);
        }

        if (entity == FilterEntity.Dataset && key is not ("name" or "digest" or "context"))
        {
            throw StewardException.Invalid($"Invalid dataset key '{key}'. Valid keys are name, digest, context");
        }

        return (entity, key);
    }

    private static Comparator ParseComparator(List<SearchToken> tokens, ref int i, string filter)
    {
        var token = tokens[i++];
        if (token.Kind == TokenKind.Operator)
        {
            return token.Text switch
            {
                "=" or "==" => Comparator.Equal,
                "!=" => Comparator.NotEqual,
                ">" => Comparator.Greater,
                ">=" => Comparator.GreaterOrEqual,
                "<" => Comparator.Less,
                "<=" => Comparator.LessOrEqual,
                _ => throw StewardException.Invalid($"Invalid comparator '{token.Text}' not one of '{{'>=', '=', '>', '<', '!=', '<=', 'LIKE', 'ILIKE', 'IN', 'NOT IN'}}'"),
            };
        }

        if (token.Kind == TokenKind.Keyword)
        {
            switch (token.Text)
            {
                case "LIKE": return Comparator.Like;
                case "ILIKE": return Comparator.ILike;
                case "IN": return Comparator.In;
                case "NOT" when tokens[i].Kind == TokenKind.Keyword && tokens[i].Text == "IN":
                    i++;
                    return Comparator.NotIn;
            }
        }

        throw StewardException.Invalid($"Invalid comparator '{token.Text}' at position {token.Position} of filter '{filter}'");
    }

    private static void CheckComparator(FilterEntity entity, string key, Comparator comparator, bool numeric, string filter)
    {
        var allowed = numeric
            ? comparator is Comparator.Equal or Comparator.NotEqual or Comparator.Greater or Comparator.GreaterOrEqual or Comparator.Less or Comparator.LessOrEqual
            : entity == FilterEntity.Attribute || entity == FilterEntity.Dataset
                ? comparator is Comparator.Equal or Comparator.NotEqual or Comparator.Like or Comparator.ILike or Comparator.In or Comparator.NotIn
                : comparator is Comparator.Equal or Comparator.NotEqual or Comparator.Like or Comparator.ILike;
        if (!allowed)
        {
            throw StewardException.Invalid($"Invalid comparator '{ComparatorText(comparator)}' for {Describe(entity, key)} in filter '{filter}'");
        }
    }

    private static List<string> ParseList(List<SearchToken> tokens, ref int i, string filter)
    {
        if (tokens[i].Kind != TokenKind.OpenParen)
        {
            throw StewardException.Invalid($"Expected '(' after IN in filter '{filter}'");
        }

        i++;
        var values = new List<string>();
        while (true)
        {
            var value = tokens[i++];
            if (value.Kind != TokenKind.String)
            {
                throw StewardException.Invalid($"IN list values must be quoted strings, got '{value.Text}' in filter '{filter}'");
            }

            values.Add(value.Text);
            var next = tokens[i++];
            if (next.Kind == TokenKind.CloseParen) return values;
            if (next.Kind != TokenKind.Comma)
            {
                throw StewardException.Invalid($"Expected ',' or ')' in IN list of filter '{filter}', found '{next.Text}'");
            }
        }
    }

    internal static IReadOnlyList<OrderClause> ParseOrderBy(IReadOnlyList<string>? orderBy, SearchSchema schema)
    {
        if (orderBy is null || orderBy.Count == 0) return [];
        var clauses = new List<OrderClause>();
        foreach (var text in orderBy)
        {
            if (string.IsNullOrWhiteSpace(text)) throw StewardException.Invalid("Invalid order_by clause: an entry is empty");
            var tokens = SearchTokenizer.Tokenize(text);
            var i = 0;
            var (entity, key) = ParseIdentifier(tokens, ref i, schema, text, forOrderBy: true);
            var ascending = true;
            if (tokens[i].Kind == TokenKind.Keyword && tokens[i].Text is "ASC" or "DESC")
            {
                ascending = tokens[i].Text == "ASC";
                i++;
            }

            if (tokens[i].Kind != TokenKind.End)
            {
                throw StewardException.Invalid($"Invalid order_by clause '{text}'. Expected '<identifier> [ASC|DESC]'");
            }

            if (clauses.Any(c => c.Entity == entity && c.Key == key))
            {
                throw StewardException.Invalid($"`order_by` contains duplicate fields: '{text}'");
            }

            clauses.Add(new OrderClause(entity, key, ascending));
        }

        return clauses;
    }

    private static string Describe(FilterEntity entity, string key) => entity switch
    {
        FilterEntity.Metric => $"metric '{key}'",
        FilterEntity.Param => $"param '{key}'",
        FilterEntity.Tag => $"tag '{key}'",
        FilterEntity.Dataset => $"dataset '{key}'",
        _ => $"attribute '{key}'",
    };

    private static string ComparatorText(Comparator comparator) => comparator switch
    {
        Comparator.Equal => "=",
        Comparator.NotEqual => "!=",
        Comparator.Greater => ">",
        Comparator.GreaterOrEqual => ">=",
        Comparator.Less => "<",
        Comparator.LessOrEqual => "<=",
        Comparator.Like => "LIKE",
        Comparator.ILike => "ILIKE",
        Comparator.In => "IN",
        _ => "NOT IN",
    };
}
