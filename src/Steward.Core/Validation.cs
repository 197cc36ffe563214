using System.Text.RegularExpressions;
using Steward.Errors;

namespace Steward;

/// <summary>
/// Input checks shared by every entry point, each throwing an InvalidParameterValue error that
/// names the offending field. The rules follow MLflow's so MLflow clients see familiar messages.
/// </summary>
public static partial class Validation
{
    [GeneratedRegex(@"^[/\w.\- ]*$")]
    private static partial Regex EntityKeyPattern();

    [GeneratedRegex(@"^[a-zA-Z0-9][\w\-]{0,255}$")]
    private static partial Regex RunIdPattern();

    /// <summary>Requires a non-empty value for a required field.</summary>
    public static string Required(string? value, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw StewardException.Invalid($"Missing value for required parameter '{field}'. See the API docs for more information about request parameters.");
        }

        NoNul(value, field);
        return value;
    }

    /// <summary>Checks a metric, param or tag key: word characters, <c>/ . - space</c>, a unique path, at most 250 characters.</summary>
    public static void EntityKey(string? key, string kind)
    {
        Required(key, "key");
        if (!EntityKeyPattern().IsMatch(key!) || !IsUniquePath(key!))
        {
            throw StewardException.Invalid(
                $"Invalid {kind} name: '{key}'. Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), and slashes (/), and may not be a path that normalizes to another name.");
        }

        MaxLength(key, Limits.MaxEntityKeyLength, $"{kind} key");
    }

    /// <summary>Checks a value against a length limit, naming the field when it is too long.</summary>
    public static void MaxLength(string? value, int limit, string field)
    {
        NoNul(value, field);
        if (value is not null && value.Length > limit)
        {
            throw StewardException.Invalid($"'{field}' exceeds the maximum length of {limit} characters (got {value.Length}).");
        }
    }

    public static void RunId(string? runId)
    {
        Required(runId, "run_id");
        if (!RunIdPattern().IsMatch(runId!))
        {
            throw StewardException.Invalid($"Invalid run ID: '{runId}'");
        }
    }

    /// <summary>Checks <c>max_results</c> against its limit.</summary>
    public static int MaxResults(long? requested, int defaultValue, int limit)
    {
        var value = requested ?? defaultValue;
        if (value <= 0 || value > limit)
        {
            throw StewardException.Invalid($"Invalid value {value} for parameter 'max_results' supplied. It must be at most {limit} and at least 1.");
        }

        return (int)value;
    }

    /// <summary>
    /// True when a key cannot be confused with another as a path: no leading or trailing slash,
    /// no empty, <c>.</c> or <c>..</c> segments.
    /// </summary>
    private static bool IsUniquePath(string key)
    {
        if (key.StartsWith('/') || key.EndsWith('/')) return false;
        foreach (var range in key.AsSpan().Split('/'))
        {
            var segment = key.AsSpan(range);
            if (segment.IsEmpty || segment is "." or "..") return false;
        }

        return true;
    }
}
