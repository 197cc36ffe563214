using Steward.Errors;

namespace Steward.Tracking;

/// <summary>MLflow's limits on one log-batch or log-inputs request, checked before anything is stored.</summary>
internal static class BatchRules
{
    public static void Check(RunBatch batch)
    {
        if (batch.Metrics.Count > Limits.MaxMetricsPerBatch)
        {
            throw StewardException.Invalid($"A batch logging request can contain at most {Limits.MaxMetricsPerBatch} metrics. Got {batch.Metrics.Count} metrics. Please split up metrics across multiple requests and try again.");
        }

        if (batch.Params.Count > Limits.MaxParamsPerBatch)
        {
            throw StewardException.Invalid($"A batch logging request can contain at most {Limits.MaxParamsPerBatch} params. Got {batch.Params.Count} params. Please split up params across multiple requests and try again.");
        }

        if (batch.Tags.Count > Limits.MaxTagsPerBatch)
        {
            throw StewardException.Invalid($"A batch logging request can contain at most {Limits.MaxTagsPerBatch} tags. Got {batch.Tags.Count} tags. Please split up tags across multiple requests and try again.");
        }

        if (batch.Count > Limits.MaxEntitiesPerBatch)
        {
            throw StewardException.Invalid($"A batch logging request can contain at most {Limits.MaxEntitiesPerBatch} metrics, params and tags in all. Got {batch.Count}. Please split them across multiple requests and try again.");
        }

        // A batch repeats a few metric keys many times: each distinct key is checked once.
        var checkedKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var metric in batch.Metrics)
        {
            if (checkedKeys.Add(metric.Key)) Validation.EntityKey(metric.Key, "metric");
        }

        var seenParams = new Dictionary<string, string>(batch.Params.Count, StringComparer.Ordinal);
        foreach (var param in batch.Params)
        {
            Validation.EntityKey(param.Key, "param");
            Validation.MaxLength(param.Value, Limits.MaxParamValueLength, $"param '{param.Key}' value");
            if (seenParams.TryGetValue(param.Key, out var earlier) && earlier != param.Value)
            {
                throw StewardException.Invalid($"Duplicate parameter keys have been submitted: ['{param.Key}']. Please ensure the request contains only one param value per param key.");
            }

            seenParams[param.Key] = param.Value;
        }

        foreach (var tag in batch.Tags)
        {
            Validation.EntityKey(tag.Key, "tag");
            Validation.MaxLength(tag.Value, Limits.MaxRunTagValueLength, $"tag '{tag.Key}' value");
        }
    }

    public static void CheckInputs(IReadOnlyList<DatasetInput> inputs)
    {
        if (inputs.Count > Limits.MaxDatasetsPerLogInputs)
        {
            throw StewardException.Invalid($"A log-inputs request can contain at most {Limits.MaxDatasetsPerLogInputs} datasets. Got {inputs.Count}.");
        }

        foreach (var input in inputs)
        {
            if (input.Dataset is null) throw StewardException.Invalid("Missing value for required parameter 'datasets.dataset'.");
            var d = input.Dataset;
            Validation.Required(d.Name, "dataset.name");
            Validation.Required(d.Digest, "dataset.digest");
            Validation.Required(d.SourceType, "dataset.source_type");
            Validation.Required(d.Source, "dataset.source");
            Validation.MaxLength(d.Name, Limits.MaxDatasetNameLength, "dataset.name");
            Validation.MaxLength(d.Digest, Limits.MaxDatasetDigestLength, "dataset.digest");
            Validation.MaxLength(d.Source, Limits.MaxDatasetSourceLength, "dataset.source");
            Validation.MaxLength(d.Schema, Limits.MaxDatasetSchemaLength, "dataset.schema");
            Validation.MaxLength(d.Profile, Limits.MaxDatasetProfileLength, "dataset.profile");
            foreach (var tag in input.Tags)
            {
                Validation.Required(tag.Key, "input tag key");
                Validation.Required(tag.Value, "input tag value");
                Validation.MaxLength(tag.Key, Limits.MaxInputTagKeyLength, "input tag key");
                Validation.MaxLength(tag.Value, Limits.MaxInputTagValueLength, "input tag value");
            }
        }
    }
}
