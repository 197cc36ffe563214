namespace Steward.Audit;

/// <summary>The actions ledger entries record, <c>noun.verb</c>; part of the audit contract.</summary>
public static class AuditActions
{
    public const string ExperimentCreate = "experiment.create";
    public const string ExperimentRename = "experiment.rename";
    public const string ExperimentDelete = "experiment.delete";
    public const string ExperimentRestore = "experiment.restore";
    public const string ExperimentSetTag = "experiment.set_tag";
    public const string ExperimentDeleteTag = "experiment.delete_tag";

    public const string RunCreate = "run.create";
    public const string RunUpdate = "run.update";
    public const string RunDelete = "run.delete";
    public const string RunRestore = "run.restore";
    public const string RunLogBatch = "run.log_batch";
    public const string RunLogMetric = "run.log_metric";
    public const string RunLogParam = "run.log_param";
    public const string RunSetTag = "run.set_tag";
    public const string RunDeleteTag = "run.delete_tag";
    public const string RunLogInputs = "run.log_inputs";
    public const string RunLogModel = "run.log_model";

    public const string ArtifactUpload = "artifact.upload";
    public const string ArtifactDownload = "artifact.download";
    public const string ArtifactDelete = "artifact.delete";

    public const string LoggedModelCreate = "logged_model.create";
    public const string LoggedModelFinalize = "logged_model.finalize";
    public const string LoggedModelDelete = "logged_model.delete";
    public const string LoggedModelSetTags = "logged_model.set_tags";
    public const string LoggedModelDeleteTag = "logged_model.delete_tag";
    public const string LoggedModelLogParams = "logged_model.log_params";

    public const string RegisteredModelCreate = "registered_model.create";
    public const string RegisteredModelRename = "registered_model.rename";
    public const string RegisteredModelUpdate = "registered_model.update";
    public const string RegisteredModelDelete = "registered_model.delete";
    public const string RegisteredModelSetTag = "registered_model.set_tag";
    public const string RegisteredModelDeleteTag = "registered_model.delete_tag";
    public const string RegisteredModelSetAlias = "registered_model.set_alias";
    public const string RegisteredModelDeleteAlias = "registered_model.delete_alias";

    public const string ModelVersionCreate = "model_version.create";
    public const string ModelVersionUpdate = "model_version.update";
    public const string ModelVersionDelete = "model_version.delete";
    public const string ModelVersionSetTag = "model_version.set_tag";
    public const string ModelVersionDeleteTag = "model_version.delete_tag";
    public const string ModelVersionTransitionStage = "model_version.transition_stage";

    public const string ModelVersionRecordAudit = "model_version.record_audit";
    public const string ExperimentSetDomain = "experiment.set_domain";
    public const string RegisteredModelSetDomain = "registered_model.set_domain";

    public const string DomainCreate = "domain.create";
    public const string UserCreate = "user.create";
    public const string UserUpdate = "user.update";
    public const string UserSetPassword = "user.set_password";
    public const string TokenCreate = "token.create";
    public const string TokenRevoke = "token.revoke";

    /// <summary>A request refused for its credentials (401) or its permissions (403); outcome <c>denied</c>.</summary>
    public const string AuthDenied = "auth.denied";
}

/// <summary>How entries name resources; part of the audit contract.</summary>
public static class AuditResources
{
    public static string Experiment(string id) => $"experiment/{id}";

    public static string Run(string id) => $"run/{id}";

    public static string Artifact(string runId, string path) => $"run/{runId}/artifact/{path}";

    /// <summary>An artifact addressed from the artifact store's root (MLflow's proxy API).</summary>
    public static string StoredArtifact(string path) => $"artifact/{path}";

    public static string LoggedModel(string id) => $"logged_model/{id}";

    public static string RegisteredModel(string name) => $"registered_model/{name}";

    public static string ModelVersion(string name, int version) => $"registered_model/{name}/version/{version}";

    /// <summary>
    /// Reads back a resource under <c>registered_model/</c>: the model's name, the version when it
    /// names one, and what lies under the version (<c>approvals</c>, <c>lifecycle/model-card</c>;
    /// null for the version itself). Null for any other resource.
    /// </summary>
    public static (string Name, int? Version, string? Under)? ParseModel(string resource)
    {
        const string prefix = "registered_model/", mark = "/version/";
        ArgumentNullException.ThrowIfNull(resource);
        if (!resource.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var rest = resource[prefix.Length..];
        var at = rest.LastIndexOf(mark, StringComparison.Ordinal);
        if (at <= 0) return (rest, null, null);
        var tail = rest[(at + mark.Length)..];
        var slash = tail.IndexOf('/', StringComparison.Ordinal);
        return int.TryParse(slash < 0 ? tail : tail[..slash], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? (rest[..at], version, slash < 0 ? null : tail[(slash + 1)..])
            : (rest, null, null);
    }

    public static string Domain(string name) => $"domain/{name}";

    public static string User(string name) => $"user/{name}";

    public static string Token(string userName, string tokenId) => $"user/{userName}/token/{tokenId}";

    /// <summary>The audit ledger itself, as the resource of a refused read.</summary>
    public const string Ledger = "ledger";

    /// <summary>
    /// The requests a client address had refused for their credentials within one minute, as one
    /// entry: <c>client/192.0.2.7/minute/2026-12-07T15:40Z/refused/1999</c>.
    /// </summary>
    public static string RefusedRequests(string address, string minute, int count) => $"client/{address}/minute/{minute}/refused/{count}";

    /// <summary>A request refused before it reached any resource: <c>http/POST /api/2.0/mlflow/runs/create</c>.</summary>
    public static string Request(string method, string path) => $"http/{method} {path}";
}
