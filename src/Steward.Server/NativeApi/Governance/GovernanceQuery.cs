using Steward.Errors;

namespace Steward.Server.NativeApi.Governance;

/// <summary>Query-string values of the governance API, each refused with a message naming the parameter.</summary>
internal static class GovernanceQuery
{
    public static bool Flag(string? value, string parameter) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "false" or "0" => false,
        "true" or "1" => true,
        _ => throw StewardException.Invalid($"Invalid value '{value}' for parameter '{parameter}': expected true or false."),
    };

    public static int? Integer(string? value, string parameter)
    {
        var parsed = Requests.Long(value, parameter);
        return parsed is null ? null : parsed is >= int.MinValue and <= int.MaxValue ? (int)parsed : throw StewardException.Invalid($"Parameter '{parameter}' is out of range.");
    }

    public static double? Number(string? value, string parameter)
    {
        if (string.IsNullOrEmpty(value)) return null;
        return double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw StewardException.Invalid($"Invalid value '{value}' for parameter '{parameter}': expected a number.");
    }
}
