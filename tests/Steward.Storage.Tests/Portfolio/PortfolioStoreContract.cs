using Steward.ModelAudits;
using Steward.Portfolio;
using Steward.Registry;
using Steward.Storage.Tests.Support;
using Steward.Tracking.Search;

namespace Steward.Storage.Tests.Portfolio;

/// <summary>
/// What every <see cref="IPortfolioStore"/> must answer, run against SQLite and PostgreSQL on a
/// small registry seeded with plain SQL (the store only reads): the figures the overview page
/// used to compute version by version, and the same ones the registry and audit stores give.
/// </summary>
public abstract class PortfolioStoreContract(StorageFixture fixture)
{
    private static CancellationToken None => CancellationToken.None;

    // Three models in two domains. Versions changed at 5000 tie, so the registry's order (name,
    // then newest version) decides among them: churn v3, churn v2, credit v1, fraud v2, fraud v1, churn v1.
    private const string Seed = """
        INSERT INTO registered_models (model_id, name, creation_time, last_updated_time, user_id, description, last_version, domain) VALUES
            (1, 'churn', 100, 5000, 'alice', '', 3, 'retail'),
            (2, 'fraud', 100, 4000, 'alice', '', 2, 'risk'),
            (3, 'credit', 100, 5000, 'alice', '', 1, 'risk');
        INSERT INTO model_versions (model_id, version, creation_time, last_updated_time, user_id, description, current_stage, source, run_id, run_link, status, status_message) VALUES
            (1, 1, 100, 1000, 'bob', '', 'Production', 's', NULL, '', 'READY', NULL),
            (1, 2, 100, 5000, 'bob', '', 'Staging', 's', NULL, '', 'READY', NULL),
            (1, 3, 100, 5000, 'bob', '', 'None', 's', NULL, '', 'READY', NULL),
            (2, 1, 100, 3000, 'bob', '', 'Archived', 's', NULL, '', 'READY', NULL),
            (2, 2, 100, 4000, 'bob', '', 'None', 's', NULL, '', 'READY', NULL),
            (3, 1, 100, 5000, 'bob', '', 'None', 's', NULL, '', 'READY', NULL);
        """;

    // One row per statement so that audit ids increase in this order on both databases.
    private static readonly string[] Audits =
    [
        Audit(1, "churn", 2, "fairness", "failed", "churn-2 fairness failed, fixed since"),
        Audit(1, "churn", 2, "fairness", "passed", "churn-2 fairness passed"),
        Audit(1, "churn", 2, "drift", "failed", "churn-2 drift failed"),
        Audit(2, "fraud", 1, "evaluation", "failed", "fraud-1 evaluation failed"),
        Audit(1, "churn", 1, "fairness", "failed", "churn-1 fairness failed"),
        Audit(3, "credit", 1, "drift", "passed", "credit-1 drift passed"),
        Audit(3, "credit", 1, "drift", "failed", "credit-1 drift failed"),
        Audit(3, "credit", 1, "fairness", "failed", "credit-1 fairness failed"),
        // Evidence outlives a deleted model; it belongs to no listed version.
        Audit(99, "gone", 1, "fairness", "failed", "gone-1 fairness failed"),
    ];

    private static string Audit(int modelId, string name, int version, string kind, string verdict, string summary) => $"""
        INSERT INTO model_audits (model_id, model_name, version, kind, data_source, settings, report, verdict, summary, created_by, created_at_ms)
        VALUES ({modelId}, '{name}', {version}, '{kind}', 'd.csv', '{"{}"}', '{"{}"}', '{verdict}', '{summary}', 'carol', 1)
        """;

    private async Task<IPortfolioStore> SeededAsync()
    {
        await RawSql.ExecuteAsync(fixture.Options, Seed);
        foreach (var audit in Audits) await RawSql.ExecuteAsync(fixture.Options, audit);
        return fixture.Storage.Inner.Portfolio;
    }

    [Fact]
    public async Task The_figures_of_a_small_registry_match_the_page_rules()
    {
        var store = await SeededAsync();

        var all = await store.ReadAsync(50, None);
        Assert.Equal(
            [("retail", ModelStage.None, 1), ("retail", ModelStage.Staging, 1), ("retail", ModelStage.Production, 1), ("risk", ModelStage.None, 2), ("risk", ModelStage.Archived, 1)],
            all.Stages.Select(s => (s.Domain, s.Stage, s.Count)).OrderBy(s => s.Domain, StringComparer.Ordinal).ThenBy(s => s.Stage));
        Assert.Equal(
            [("churn", 3), ("churn", 2), ("credit", 1), ("fraud", 2), ("fraud", 1), ("churn", 1)],
            all.RecentVersions.Select(v => (v.Name, v.Version)));
        Assert.Equal(ModelStage.Staging, all.RecentVersions[1].Stage);
        Assert.Equal(
            ["churn-2 drift failed", "credit-1 fairness failed", "credit-1 drift failed", "fraud-1 evaluation failed", "churn-1 fairness failed"],
            all.FailingAudits.Select(a => a.Summary));
        Assert.Equal((ModelAuditKind.Drift, "churn", 2), (all.FailingAudits[0].Kind, all.FailingAudits[0].ModelName, all.FailingAudits[0].Version));

        // Only the recent versions are looked at for audits; the counts still cover everything.
        var five = await store.ReadAsync(5, None);
        Assert.Equal(6, five.Stages.Sum(s => s.Count));
        Assert.Equal(5, five.RecentVersions.Count);
        Assert.DoesNotContain(five.FailingAudits, a => a.ModelName == "churn" && a.Version == 1);
        Assert.Equal(4, five.FailingAudits.Count);

        await The_same_figures_come_from_the_registry_and_audit_stores(all);
    }

    // What the overview page computed before, version by version: a registry search ordered by
    // last update, then each version's audits, the newest of each kind deciding.
    private async Task The_same_figures_come_from_the_registry_and_audit_stores(PortfolioFigures figures)
    {
        var query = new RegistryQuery([], SearchSyntax.ParseModelVersionOrderBy(["last_updated_timestamp DESC"]), 1000, 0);
        var versions = (await fixture.Storage.Registry.SearchModelVersionsAsync(query, None)).Items;
        Assert.Equal(versions.Select(v => (v.Name, v.Version, v.CurrentStage)), figures.RecentVersions.Select(v => (v.Name, v.Version, v.Stage)));

        var failing = new List<long>();
        foreach (var version in versions)
        {
            var audits = await fixture.Storage.ModelAudits.ListAsync(version.Name, version.Version, null, None);
            failing.AddRange(audits.GroupBy(a => a.Kind).Select(g => g.First()).Where(a => a.Verdict == ModelAuditVerdict.Failed).Select(a => a.Id));
        }

        Assert.Equal(failing, figures.FailingAudits.Select(a => a.Id));
    }
}

public sealed class SqlitePortfolioStoreTests(SqliteFixture fixture) : PortfolioStoreContract(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresPortfolioStoreTests(PostgresFixture fixture) : PortfolioStoreContract(fixture), IClassFixture<PostgresFixture>;
