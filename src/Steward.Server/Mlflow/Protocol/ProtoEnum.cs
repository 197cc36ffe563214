using System.Globalization;
using System.Text.Json;
using Steward.Errors;
using Steward.Tracking;
using Steward.Tracking.LoggedModels;

namespace Steward.Server.Mlflow.Protocol;

/// <summary>
/// One protobuf enum as MLflow's JSON carries it: written by name, read by name or number.
/// </summary>
internal sealed class ProtoEnum<T> where T : struct, Enum
{
    private readonly Dictionary<string, T> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<int, T> _byNumber = [];
    private readonly Dictionary<T, JsonEncodedText> _names = [];

    public ProtoEnum(params (string Name, int Number, T Value)[] values)
    {
        foreach (var (name, number, value) in values)
        {
            _byName[name] = value;
            _byNumber[number] = value;
            _names[value] = JsonEncodedText.Encode(name);
        }
    }

    public T Parse(string text, string field)
    {
        if (_byName.TryGetValue(text, out var value)) return value;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)) return Parse(number, field);
        throw Invalid(text, field);
    }

    public T Parse(int number, string field) =>
        _byNumber.TryGetValue(number, out var value) ? value : throw Invalid(number.ToString(CultureInfo.InvariantCulture), field);

    /// <summary>The proto name, pre-encoded for the JSON writer.</summary>
    public JsonEncodedText Name(T value) => _names[value];

    private StewardException Invalid(string text, string field) =>
        StewardException.Invalid($"Invalid value {text} for parameter '{field}' supplied. Hint: must be one of {string.Join(", ", _names.Values.Select(n => n.ToString()))}. See the API docs for more information about request parameters.");
}

/// <summary>The enums of MLflow's protos that Steward reads or writes, with their proto numbers.</summary>
internal static class MlflowEnums
{
    public static ProtoEnum<ViewType> ViewTypes { get; } = new(
        ("ACTIVE_ONLY", 1, ViewType.ActiveOnly),
        ("DELETED_ONLY", 2, ViewType.DeletedOnly),
        ("ALL", 3, ViewType.All));

    public static ProtoEnum<RunStatus> RunStatuses { get; } = new(
        ("RUNNING", 1, RunStatus.Running),
        ("SCHEDULED", 2, RunStatus.Scheduled),
        ("FINISHED", 3, RunStatus.Finished),
        ("FAILED", 4, RunStatus.Failed),
        ("KILLED", 5, RunStatus.Killed));

    public static ProtoEnum<LoggedModelStatus> LoggedModelStatuses { get; } = new(
        ("LOGGED_MODEL_PENDING", 1, LoggedModelStatus.Pending),
        ("LOGGED_MODEL_READY", 2, LoggedModelStatus.Ready),
        ("LOGGED_MODEL_UPLOAD_FAILED", 3, LoggedModelStatus.UploadFailed));
}
