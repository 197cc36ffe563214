namespace Steward;

/// <summary>
/// Every size limit Steward enforces, in one place. The values follow MLflow's so that
/// what an MLflow client can send, Steward accepts.
/// </summary>
public static class Limits
{
    public const int MaxMetricsPerBatch = 1000;
    public const int MaxParamsPerBatch = 100;
    public const int MaxTagsPerBatch = 100;
    public const int MaxEntitiesPerBatch = 1000;
    public const int MaxRequestBytes = 1024 * 1024;

    /// <summary>
    /// The one JSON request allowed more than <see cref="MaxRequestBytes"/>: MLflow's log-inputs,
    /// whose dataset profile may be up to <see cref="MaxDatasetProfileLength"/>. Every other JSON
    /// body is held to <see cref="MaxRequestBytes"/>; only artifact uploads, streamed to the
    /// store, are larger.
    /// </summary>
    public const int MaxLogInputsRequestBytes = MaxDatasetProfileLength + MaxRequestBytes;

    public const int MaxEntityKeyLength = 250;
    public const int MaxParamValueLength = 6000;
    public const int MaxRunTagValueLength = 5000;
    public const int MaxExperimentTagValueLength = 5000;
    public const int MaxRegistryTagValueLength = 5000;
    public const int MaxAliasLength = 255;
    public const int MaxExperimentNameLength = 500;
    public const int MaxModelNameLength = 500;

    public const int MaxDatasetNameLength = 500;
    public const int MaxDatasetDigestLength = 36;
    public const int MaxDatasetSourceLength = 65535;
    public const int MaxDatasetSchemaLength = 65535;
    public const int MaxDatasetProfileLength = 16 * 1024 * 1024;
    public const int MaxInputTagKeyLength = 255;
    public const int MaxInputTagValueLength = 500;
    public const int MaxDatasetsPerLogInputs = 1000;

    public const int DefaultSearchRunsResults = 1000;
    public const int MaxSearchRunsResults = 50000;
    public const int DefaultSearchExperimentsResults = 1000;
    public const int MaxSearchExperimentsResults = 50000;
    public const int DefaultSearchModelsResults = 100;
    public const int MaxSearchModelsResults = 1000;
    public const int DefaultSearchVersionsResults = 10000;
    public const int MaxSearchVersionsResults = 200000;

    /// <summary>A run-id prefix (<c>GET /api/v1/runs?idPrefix=</c>) is 4 to 32 hex digits, as git takes at least 4 of a hash.</summary>
    public const int MinRunIdPrefixLength = 4;
    public const int MaxRunIdPrefixLength = 32;
    public const int DefaultRunIdPrefixResults = 10;
    public const int MaxRunIdPrefixResults = 100;

    /// <summary>Ledger entries per page of <c>GET /api/v1/audit/entries</c>.</summary>
    public const int DefaultAuditEntriesResults = 1000;
    public const int MaxAuditEntriesResults = 10000;
}
