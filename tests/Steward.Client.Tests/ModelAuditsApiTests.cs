using System.Net;
using Steward.Client;
using Steward.Contracts.ModelAudits;
using Steward.Tests.Support;

namespace Steward.Client.Tests;

/// <summary>
/// <see cref="StewardClient.RunModelAuditAsync"/> and <see cref="StewardClient.ListModelAuditsAsync"/>:
/// audits of a version on files in the server's data-set folder, kept as evidence.
/// </summary>
public sealed class ModelAuditsApiTests(TokenServerFixture server) : IClassFixture<TokenServerFixture>
{
    private static readonly FairnessAuditRequest CompasFairness = new()
    {
        Data = "compas.csv",
        Label = "two_year_recid",
        Score = "decile_score",
        Threshold = 5,
        Sensitive = ["race"],
        ReferenceGroup = ["Caucasian"],
        Bootstrap = 0,
    };

    [Fact]
    public async Task a_fairness_audit_is_recorded_with_its_verdict_and_listed()
    {
        var (model, _) = await server.NewVersionAsync("fair");
        var audit = await server.Admin.RunModelAuditAsync(model, 1, CompasFairness);
        Assert.Equal("fairness", audit.Kind);
        Assert.Equal("failed", audit.Verdict); // COMPAS fails the four-fifths rule against Caucasian defendants
        Assert.Equal("compas.csv", audit.Data);
        Assert.NotNull(audit.Report);
        Assert.Equal("fairness", audit.Settings.GetProperty("kind").GetString());

        var listed = Assert.Single(await server.Admin.ListModelAuditsAsync(model, 1));
        Assert.Equal(audit.Id, listed.Id);
        Assert.Null(listed.Report);
        Assert.NotNull((await server.Admin.GetModelAuditAsync(audit.Id)).Report);
    }

    [Fact]
    public async Task drift_and_evaluation_audits_are_listed_by_kind()
    {
        var (model, _) = await server.NewVersionAsync("kinds");
        var drift = await server.Admin.RunModelAuditAsync(model, 1, new DriftAuditRequest { Reference = "telco.csv", Current = "telco.csv", Columns = ["tenure", "Contract"] });
        Assert.Equal("passed", drift.Verdict);
        var evaluation = await server.Admin.RunModelAuditAsync(model, 1, new EvaluationAuditRequest
        {
            Data = "telco_scored.csv", Label = "Churn", Score = "score", Positive = "Yes",
            Minimums = new Dictionary<string, double> { ["rocAuc"] = 0.999 },
        });
        Assert.Equal("failed", evaluation.Verdict);
        Assert.Contains("rocAuc", evaluation.Summary, StringComparison.Ordinal);

        Assert.Equal([drift.Id], (await server.Admin.ListModelAuditsAsync(model, 1, "drift")).Select(a => a.Id));
        Assert.Equal([evaluation.Id, drift.Id], (await server.Admin.ListModelAuditsAsync(model, 1)).Select(a => a.Id));
    }

    [Fact]
    public async Task a_missing_required_setting_is_a_400_naming_it_and_records_nothing()
    {
        var (model, _) = await server.NewVersionAsync("bad");
        var error = await Assert.ThrowsAsync<StewardApiException>(() => server.Admin.RunModelAuditAsync(model, 1, CompasFairness with { Label = null }));
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("'label'", error.Detail, StringComparison.Ordinal);
        Assert.Empty(await server.Admin.ListModelAuditsAsync(model, 1));
    }

    [Fact]
    public async Task a_user_without_the_run_audits_role_is_refused_and_nothing_is_recorded()
    {
        var (model, _) = await server.NewVersionAsync("refused");
        var error = await Assert.ThrowsAsync<StewardApiException>(() => server.Auditor.RunModelAuditAsync(model, 1, CompasFairness));
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Empty(await server.Admin.ListModelAuditsAsync(model, 1));
    }
}
