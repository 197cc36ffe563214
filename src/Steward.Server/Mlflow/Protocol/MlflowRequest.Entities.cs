using System.Text.Json;
using Steward.Tracking;

namespace Steward.Server.Mlflow.Protocol;

/// <summary>Readers for the repeated messages MLflow requests carry: tags, params, metrics, datasets.</summary>
internal sealed partial class MlflowRequest
{
    /// <summary>A repeated <c>{key, value}</c> field such as <c>tags</c>; a missing value reads as "" and is left to the validators.</summary>
    public IReadOnlyList<Tag>? Tags(string name) => KeyValues(name, static (key, value) => new Tag(key, value));

    public IReadOnlyList<Param>? Params(string name) => KeyValues(name, static (key, value) => new Param(key, value));

    /// <summary>
    /// A repeated <c>Metric</c> field (log-batch's hot path): <c>value</c> and <c>timestamp</c>
    /// are required, <c>step</c> defaults to 0.
    /// </summary>
    public IReadOnlyList<Metric>? Metrics(string name)
    {
        if (!TryGetArray(name, out var array)) return null;
        var metrics = new List<Metric>(array.GetArrayLength());
        var keys = new MetricKeys();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            RequireObject(item, name, index);
            string key = "";
            double? value = null;
            long? timestamp = null;
            long step = 0;
            foreach (var property in item.EnumerateObject())
            {
                var field = property.Value;
                if (field.ValueKind == JsonValueKind.Null) continue;
                // Field paths for errors are built only on failure: this loop runs 1000 times a batch.
                if (property.NameEquals("key"))
                {
                    key = field.ValueKind == JsonValueKind.String ? keys.Read(field, name, index) : throw TypeMismatch(field, Path(name, index, "key"));
                }
                else if (property.NameEquals("value"))
                {
                    value = TryReadDouble(field, out var number) ? number : throw TypeMismatch(field, Path(name, index, "value"));
                }
                else if (property.NameEquals("timestamp"))
                {
                    timestamp = TryReadInt64(field, out var time) ? time : throw TypeMismatch(field, Path(name, index, "timestamp"));
                }
                else if (property.NameEquals("step"))
                {
                    step = TryReadInt64(field, out var number) ? number : throw TypeMismatch(field, Path(name, index, "step"));
                }
            }

            if (value is null) throw Missing(Path(name, index, "value"));
            if (timestamp is null) throw Missing(Path(name, index, "timestamp"));
            metrics.Add(new Metric(key, value.Value, timestamp.Value, step));
            index++;
        }

        return metrics;
    }

    /// <summary>log-inputs' <c>datasets</c>: each a <c>DatasetInput{tags, dataset}</c>.</summary>
    public IReadOnlyList<DatasetInput>? DatasetInputs(string name)
    {
        if (!TryGetArray(name, out var array)) return null;
        var inputs = new List<DatasetInput>(array.GetArrayLength());
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            RequireObject(item, name, index);
            var prefix = $"{name}[{index}]";
            var tags = item.TryGetProperty("tags", out var tagArray) && tagArray.ValueKind != JsonValueKind.Null
                ? ReadKeyValues(tagArray, $"{prefix}.tags", static (key, value) => new Tag(key, value))
                : [];
            if (!item.TryGetProperty("dataset", out var dataset) || dataset.ValueKind == JsonValueKind.Null)
            {
                throw Missing($"{prefix}.dataset");
            }

            if (dataset.ValueKind != JsonValueKind.Object) throw TypeMismatch(dataset, $"{prefix}.dataset");
            inputs.Add(new DatasetInput(tags, new Dataset(
                Field(dataset, $"{prefix}.dataset", "name") ?? "",
                Field(dataset, $"{prefix}.dataset", "digest") ?? "",
                Field(dataset, $"{prefix}.dataset", "source_type") ?? "",
                Field(dataset, $"{prefix}.dataset", "source") ?? "",
                Field(dataset, $"{prefix}.dataset", "schema"),
                Field(dataset, $"{prefix}.dataset", "profile"))));
            index++;
        }

        return inputs;
    }

    /// <summary>A repeated message field read as raw objects, for the rare messages without a dedicated reader.</summary>
    public IReadOnlyList<MlflowRequest>? Objects(string name)
    {
        if (!TryGetArray(name, out var array)) return null;
        var list = new List<MlflowRequest>(array.GetArrayLength());
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            RequireObject(item, name, index++);
            list.Add(new MlflowRequest(null, item, null));
        }

        return list;
    }

    private IReadOnlyList<T>? KeyValues<T>(string name, Func<string, string, T> create) =>
        TryGetArray(name, out var array) ? ReadKeyValues(array, name, create) : null;

    private static List<T> ReadKeyValues<T>(JsonElement array, string name, Func<string, string, T> create)
    {
        if (array.ValueKind != JsonValueKind.Array) throw TypeMismatch(array, name);
        var list = new List<T>(array.GetArrayLength());
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            RequireObject(item, name, index);
            string key = "", value = "";
            foreach (var property in item.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Null) continue;
                var field = property.Value;
                if (property.NameEquals("key"))
                {
                    key = ReadString(field, Path(name, index, "key"));
                }
                else if (property.NameEquals("value"))
                {
                    value = ReadString(field, Path(name, index, "value"));
                }
            }

            list.Add(create(key, value));
            index++;
        }

        return list;
    }

    private bool TryGetArray(string name, out JsonElement array)
    {
        // Repeated messages only arrive in JSON bodies; a query string cannot carry them.
        if (_query is not null || !TryGet(name, out array))
        {
            array = default;
            return false;
        }

        if (array.ValueKind != JsonValueKind.Array) throw TypeMismatch(array, name);
        return true;
    }

    private static string? Field(JsonElement obj, string prefix, string property) =>
        obj.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null
            ? ReadString(value, $"{prefix}.{property}")
            : null;

    private static void RequireObject(JsonElement item, string name, int index)
    {
        if (item.ValueKind != JsonValueKind.Object) throw TypeMismatch(item, $"{name}[{index}]");
    }

    private static string Path(string name, int index, string property) => $"{name}[{index}].{property}";

    /// <summary>
    /// The keys of one metric batch, read once each: a batch repeats a few keys hundreds of
    /// times, and one string per key (not per point) saves the allocations and lets later
    /// steps compare keys by reference (validation, sorting).
    /// </summary>
    private sealed class MetricKeys
    {
        // Beyond this many distinct keys a batch is unusual; the rest are read one by one.
        private const int Capacity = 32;

        private readonly List<string> _seen = new(8);

        public string Read(JsonElement key, string name, int index)
        {
            foreach (var seen in _seen)
            {
                if (key.ValueEquals(seen)) return seen;
            }

            var text = ReadString(key, Path(name, index, "key"));
            if (_seen.Count < Capacity) _seen.Add(text);
            return text;
        }
    }
}
