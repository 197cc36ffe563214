using Steward.Paging;
using Steward.Tracking;
using Steward.Tracking.Search;
using Steward.Storage.Tests.Support;

namespace Steward.Storage.Tests.Tracking;

public abstract partial class TrackingStoreContract
{
    /// <summary>Three runs with distinct metrics, params, tags and attributes to filter on.</summary>
    private async Task<(string ExperimentId, string A, string B, string C)> SearchFixtureAsync()
    {
        var experimentId = await NewExperimentAsync();
        var a = await NewRunAsync(experimentId, "alpha", startTime: 100);
        var b = await NewRunAsync(experimentId, "Beta", startTime: 200);
        var c = await NewRunAsync(experimentId, "gamma", startTime: 300);
        await LogAsync(a.Info.RunId, metrics: [new Metric("acc", 0.1, 1, 0), new Metric("my metric", 5, 1, 0)], parameters: [new Param("model", "Tree")], tags: [new Tag("team", "risk")]);
        await LogAsync(b.Info.RunId, metrics: [new Metric("acc", 0.5, 1, 0)], parameters: [new Param("model", "tree")], tags: [new Tag("team", "Risk")]);
        await LogAsync(c.Info.RunId, metrics: [new Metric("acc", 0.9, 1, 0)], parameters: [new Param("model", "forest")]);
        await Store.UpdateRunAsync(TestChange.Next(), c.Info.RunId, new RunUpdate(RunStatus.Finished, 400, null), None);
        return (experimentId, a.Info.RunId, b.Info.RunId, c.Info.RunId);
    }

    [Fact]
    public async Task search_defaults_to_newest_start_time_first()
    {
        var (e, a, b, c) = await SearchFixtureAsync();
        Assert.Equal([c, b, a], await SearchIdsAsync(e));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("attributes.start_time DESC")]
    public async Task newest_first_breaks_ties_by_run_id_and_pages_through_filtered_runs_once(string? orderBy)
    {
        var experimentId = await NewExperimentAsync();
        var other = await NewExperimentAsync();
        var kept = new List<(long Start, string Id)>();
        for (var i = 0; i < 12; i++)
        {
            // Pairs of runs share a start time; every third run fails the filter; another
            // experiment's runs interleave in time.
            var run = await NewRunAsync(experimentId, $"r{i}", startTime: 1000 + (i / 2));
            await LogAsync(run.Info.RunId, parameters: [new Param("keep", i % 3 == 0 ? "no" : "yes")]);
            await NewRunAsync(other, startTime: 1000 + i);
            if (i % 3 != 0) kept.Add((1000 + (i / 2), run.Info.RunId));
        }

        var expected = kept.OrderByDescending(r => r.Start).ThenBy(r => r.Id, StringComparer.Ordinal).Select(r => r.Id).ToList();
        var order = SearchSyntax.ParseRunOrderBy(orderBy is null ? null : [orderBy]);
        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await Store.SearchRunsAsync(new RunQuery([experimentId], SearchSyntax.ParseRunFilter("params.keep = 'yes'"), order, ViewType.ActiveOnly, 3, PageToken.Decode(token)), None);
            seen.AddRange(page.Items.Select(r => r.Info.RunId));
            token = page.NextPageToken;
        }
        while (token is not null);

        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task search_filters_metrics_with_every_numeric_comparator()
    {
        var (e, a, b, c) = await SearchFixtureAsync();
        Assert.Equal([c], await SearchIdsAsync(e, "metrics.acc > 0.5"));
        Assert.Equal([c, b], await SearchIdsAsync(e, "metrics.acc >= 0.5"));
        Assert.Equal([a], await SearchIdsAsync(e, "metrics.acc < 0.5"));
        Assert.Equal([b, a], await SearchIdsAsync(e, "metrics.acc <= 0.5"));
        Assert.Equal([b], await SearchIdsAsync(e, "metrics.acc = 0.5"));
        Assert.Equal([c, a], await SearchIdsAsync(e, "metrics.acc != 0.5"));
        Assert.Equal([a], await SearchIdsAsync(e, "metrics.`my metric` = 5"));
        Assert.Empty(await SearchIdsAsync(e, "metrics.missing > 0"));
    }

    [Fact]
    public async Task search_filters_params_and_tags_with_like_case_sensitive_and_ilike_not()
    {
        var (e, a, b, c) = await SearchFixtureAsync();
        Assert.Equal([b], await SearchIdsAsync(e, "params.model = 'tree'"));
        Assert.Equal([c, b], await SearchIdsAsync(e, "params.model != 'Tree'"));
        Assert.Equal([b], await SearchIdsAsync(e, "params.model LIKE 't%'"));
        Assert.Equal([b, a], await SearchIdsAsync(e, "params.model ILIKE 't%'"));
        Assert.Equal([b, a], await SearchIdsAsync(e, "params.model ILIKE '_REE'"));
        Assert.Equal([a], await SearchIdsAsync(e, "tags.team = 'risk'"));
        Assert.Equal([b, a], await SearchIdsAsync(e, "tags.team ILIKE 'RISK'"));
        Assert.Equal([b], await SearchIdsAsync(e, "tags.team LIKE 'R%'"));
        Assert.Equal([b], await SearchIdsAsync(e, "tags.`team` LIKE \"_isk\" and params.model = 'tree'"));
    }

    [Fact]
    public async Task like_treats_glob_characters_as_literals()
    {
        var experimentId = await NewExperimentAsync();
        var star = await NewRunAsync(experimentId, "a*b", startTime: 2);
        var plain = await NewRunAsync(experimentId, "axxb", startTime: 1);
        Assert.Equal([star.Info.RunId], await SearchIdsAsync(experimentId, "attributes.run_name LIKE 'a*b'"));
        Assert.Equal([star.Info.RunId, plain.Info.RunId], await SearchIdsAsync(experimentId, "attributes.run_name LIKE 'a%b'"));
        Assert.Equal([plain.Info.RunId], await SearchIdsAsync(experimentId, "run_name LIKE 'a__b' and run_name != 'a*b'"));
    }

    [Fact]
    public async Task search_filters_attributes_including_in_and_not_in()
    {
        var (e, a, b, c) = await SearchFixtureAsync();
        Assert.Equal([c], await SearchIdsAsync(e, "attributes.status = 'FINISHED'"));
        Assert.Equal([b, a], await SearchIdsAsync(e, "status != 'FINISHED'"));
        Assert.Equal([b], await SearchIdsAsync(e, "run_name = 'Beta'"));
        Assert.Equal([b], await SearchIdsAsync(e, "attributes.run_name ILIKE 'beta'"));
        Assert.Equal([c, a], await SearchIdsAsync(e, $"attributes.run_id IN ('{a}', '{c}')"));
        Assert.Equal([b], await SearchIdsAsync(e, $"run_id NOT IN ('{a}', '{c}')"));
        Assert.Equal([c, b], await SearchIdsAsync(e, "attributes.start_time >= 200"));
        Assert.Equal([c], await SearchIdsAsync(e, "end_time = 400"));
        Assert.Equal([c, b, a], await SearchIdsAsync(e, "user_id = 'alice'"));
        Assert.Equal([a], await SearchIdsAsync(e, "metrics.acc < 0.5 and params.model = 'Tree' and tags.team = 'risk' and created < 150"));
    }

    [Fact]
    public async Task search_filters_datasets_by_name_digest_and_context()
    {
        var experimentId = await NewExperimentAsync();
        var a = await NewRunAsync(experimentId, "a", startTime: 2);
        var b = await NewRunAsync(experimentId, "b", startTime: 1);
        await Store.LogInputsAsync(TestChange.Next(), a.Info.RunId, [new DatasetInput([new Tag("mlflow.data.context", "training")], new Dataset("adult", "d1", "local", "s", null, null))], None);
        await Store.LogInputsAsync(TestChange.Next(), b.Info.RunId, [new DatasetInput([new Tag("mlflow.data.context", "eval")], new Dataset("compas", "d2", "local", "s", null, null))], None);
        Assert.Equal([a.Info.RunId], await SearchIdsAsync(experimentId, "datasets.name = 'adult'"));
        Assert.Equal([b.Info.RunId], await SearchIdsAsync(experimentId, "datasets.digest IN ('d2', 'zz')"));
        Assert.Equal([a.Info.RunId], await SearchIdsAsync(experimentId, "datasets.context = 'training'"));
        Assert.Equal([b.Info.RunId], await SearchIdsAsync(experimentId, "datasets.name LIKE 'com%'"));
    }

    [Fact]
    public async Task search_orders_by_several_keys_then_by_start_time()
    {
        var experimentId = await NewExperimentAsync();
        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var run = await NewRunAsync(experimentId, $"r{i}", startTime: i);
            await LogAsync(run.Info.RunId, metrics: [new Metric("score", i % 2, 1, 0)], parameters: [new Param("group", i < 3 ? "a" : "b")]);
            ids.Add(run.Info.RunId);
        }

        Assert.Equal([ids[4], ids[5], ids[3], ids[2], ids[0], ids[1]], await SearchIdsAsync(experimentId, orderBy: ["params.group DESC", "metrics.score ASC"]));
        Assert.Equal([ids[0], ids[1], ids[2], ids[3], ids[4], ids[5]], await SearchIdsAsync(experimentId, orderBy: ["attributes.start_time"]));
        Assert.Equal([ids[5], ids[3], ids[1], ids[4], ids[2], ids[0]], await SearchIdsAsync(experimentId, orderBy: ["metrics.score DESC"]));
        Assert.Equal([ids[0], ids[1], ids[2], ids[3], ids[4], ids[5]], await SearchIdsAsync(experimentId, orderBy: ["run_name ASC"]));
    }

    [Fact]
    public async Task search_orders_runs_without_the_metric_last()
    {
        var experimentId = await NewExperimentAsync();
        var none = await NewRunAsync(experimentId, "none", startTime: 3);
        var low = await NewRunAsync(experimentId, "low", startTime: 2);
        var high = await NewRunAsync(experimentId, "high", startTime: 1);
        var nan = await NewRunAsync(experimentId, "nan", startTime: 0);
        await LogAsync(low.Info.RunId, metrics: [new Metric("m", -1, 1, 0)], parameters: [new Param("p", "a")]);
        await LogAsync(high.Info.RunId, metrics: [new Metric("m", 7, 1, 0)], parameters: [new Param("p", "b")]);
        await LogAsync(nan.Info.RunId, metrics: [new Metric("m", double.NaN, 1, 0)]);

        Assert.Equal([low.Info.RunId, high.Info.RunId, nan.Info.RunId, none.Info.RunId], await SearchIdsAsync(experimentId, orderBy: ["metrics.m ASC"]));
        Assert.Equal([high.Info.RunId, low.Info.RunId, nan.Info.RunId, none.Info.RunId], await SearchIdsAsync(experimentId, orderBy: ["metrics.m DESC"]));
        Assert.Equal([high.Info.RunId, low.Info.RunId, none.Info.RunId, nan.Info.RunId], await SearchIdsAsync(experimentId, orderBy: ["params.p DESC"]));
        Assert.Equal([low.Info.RunId, high.Info.RunId, none.Info.RunId, nan.Info.RunId], await SearchIdsAsync(experimentId, orderBy: ["params.p ASC"]));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task paging_by_a_metric_continues_into_runs_without_it(int pageSize)
    {
        var experimentId = await NewExperimentAsync();
        var expected = new List<string>();
        async Task<string> Add(string name, long start, double? value)
        {
            var run = await NewRunAsync(experimentId, name, startTime: start);
            await LogAsync(run.Info.RunId, metrics: value is { } v ? [new Metric("m", v, 1, 0)] : [new Metric("other", 1, 1, 0)], parameters: [new Param("p", "x")]);
            return run.Info.RunId;
        }

        // Expected order for "metrics.m DESC": numbers high to low, then NaN, then missing; ties by start_time DESC.
        var missingOld = await Add("missing-old", 1, null);
        var nanOld = await Add("nan-old", 2, double.NaN);
        var low = await Add("low", 3, 1);
        var high = await Add("high", 4, 9);
        var mid = await Add("mid", 5, 5);
        var nanNew = await Add("nan-new", 6, double.NaN);
        var missingNew = await Add("missing-new", 7, null);
        expected.AddRange([high, mid, low, nanNew, nanOld, missingNew, missingOld]);

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await Store.SearchRunsAsync(new RunQuery([experimentId], SearchSyntax.ParseRunFilter("params.p = 'x'"), SearchSyntax.ParseRunOrderBy(["metrics.m DESC", "attributes.start_time DESC"]), ViewType.ActiveOnly, pageSize, PageToken.Decode(token)), None);
            seen.AddRange(page.Items.Select(r => r.Info.RunId));
            token = page.NextPageToken;
        }
        while (token is not null);

        Assert.Equal(expected, seen);
        var ascending = await SearchIdsAsync(experimentId, orderBy: ["metrics.m ASC"]);
        Assert.Equal([low, mid, high, nanNew, nanOld, missingNew, missingOld], ascending);
    }

    [Fact]
    public async Task search_view_type_selects_lifecycle()
    {
        var (e, a, b, c) = await SearchFixtureAsync();
        await Store.SetRunLifecycleAsync(TestChange.Next(), b, LifecycleStage.Deleted, Now, None);
        Assert.Equal([c, a], await SearchIdsAsync(e));
        Assert.Equal([b], await SearchIdsAsync(e, viewType: ViewType.DeletedOnly));
        Assert.Equal([c, b, a], await SearchIdsAsync(e, viewType: ViewType.All));
    }

    [Fact]
    public async Task search_spans_several_experiments()
    {
        var (e1, a, _, _) = await SearchFixtureAsync();
        var e2 = await NewExperimentAsync();
        var other = await NewRunAsync(e2, startTime: 1000);
        var page = await Store.SearchRunsAsync(new RunQuery([e1, e2], SearchSyntax.ParseRunFilter("metrics.acc < 0.2"), [], ViewType.ActiveOnly, 10, 0), None);
        Assert.Equal([a], page.Items.Select(r => r.Info.RunId));
        page = await Store.SearchRunsAsync(new RunQuery([e1, e2], [], [], ViewType.ActiveOnly, 10, 0), None);
        Assert.Equal(other.Info.RunId, page.Items[0].Info.RunId);
        Assert.Equal(4, page.Items.Count);
    }

    [Fact]
    public async Task search_pages_through_every_run_once_and_loads_their_data()
    {
        var experimentId = await NewExperimentAsync();
        var expected = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            var run = await NewRunAsync(experimentId, $"r{i}", startTime: 100 - i);
            await LogAsync(run.Info.RunId, metrics: [new Metric("m", i, 1, 0)], parameters: [new Param("i", $"{i}")]);
            expected.Add(run.Info.RunId);
        }

        var seen = new List<Run>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await Store.SearchRunsAsync(new RunQuery([experimentId], [], [], ViewType.ActiveOnly, 3, PageToken.Decode(token)), None);
            seen.AddRange(page.Items);
            token = page.NextPageToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal(expected, seen.Select(r => r.Info.RunId));
        Assert.All(seen, r => Assert.Equal(r.Info.RunName[1..], Assert.Single(r.Data.Params).Value));
        Assert.All(seen, r => Assert.Equal(double.Parse(r.Info.RunName[1..], System.Globalization.CultureInfo.InvariantCulture), Assert.Single(r.Data.Metrics).Value));
        Assert.All(seen, r => Assert.Contains(new Tag("mlflow.runName", r.Info.RunName), r.Data.Tags));
    }

    [Fact]
    public async Task a_full_last_page_has_no_next_token()
    {
        var experimentId = await NewExperimentAsync();
        for (var i = 0; i < 4; i++) await NewRunAsync(experimentId);
        var first = await Store.SearchRunsAsync(new RunQuery([experimentId], [], [], ViewType.ActiveOnly, 2, 0), None);
        Assert.NotNull(first.NextPageToken);
        var second = await Store.SearchRunsAsync(new RunQuery([experimentId], [], [], ViewType.ActiveOnly, 2, PageToken.Decode(first.NextPageToken)), None);
        Assert.Equal(2, second.Items.Count);
        Assert.Null(second.NextPageToken);
    }

    [Fact]
    public async Task filter_values_are_bound_never_spliced_into_sql()
    {
        var (e, _, _, _) = await SearchFixtureAsync();
        Assert.Empty(await SearchIdsAsync(e, "params.model = 'x'' OR 1=1 --'"));
        Assert.Empty(await SearchIdsAsync(e, "tags.`x'; DROP TABLE runs; --` = 'a'"));
        Assert.Equal(3, (await SearchIdsAsync(e)).Count);
    }

    [Fact]
    public async Task experiment_search_filters_orders_and_pages()
    {
        var prefix = UniqueName("search");
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await Store.CreateExperimentAsync(TestChange.Next(), $"{prefix}-{i}", null, "mlflow-artifacts:", "default", i % 2 == 0 ? [new Tag("kind", "even")] : [], 1000 + i, None));
        }

        await Store.SetExperimentLifecycleAsync(TestChange.Next(), ids[4], LifecycleStage.Deleted, 2000, None);

        async Task<List<string>> Search(string filter, IReadOnlyList<string>? orderBy = null, ViewType viewType = ViewType.ActiveOnly, int max = 100)
        {
            var page = await Store.SearchExperimentsAsync(new ExperimentQuery(SearchSyntax.ParseExperimentFilter(filter), SearchSyntax.ParseExperimentOrderBy(orderBy), viewType, max, 0), None);
            return page.Items.Select(x => x.ExperimentId).ToList();
        }

        Assert.Equal([ids[3], ids[2], ids[1], ids[0]], await Search($"name LIKE '{prefix}%'"));
        Assert.Equal([ids[4], ids[3], ids[2], ids[1], ids[0]], await Search($"name LIKE '{prefix}%'", viewType: ViewType.All));
        Assert.Equal([ids[4]], await Search($"name LIKE '{prefix}%'", viewType: ViewType.DeletedOnly));
        Assert.Equal([ids[0], ids[1]], await Search($"name LIKE '{prefix}%' and creation_time < 1002", ["name ASC"]));
        Assert.Equal([ids[2], ids[0]], await Search($"name ILIKE '{prefix.ToUpperInvariant()}%' and tags.kind = 'even'"));
        Assert.Equal([ids[0], ids[1], ids[2], ids[3]], await Search($"name LIKE '{prefix}%' and last_update_time <= 1003", ["experiment_id ASC"]));
        Assert.Equal([ids[3], ids[2]], await Search($"name LIKE '{prefix}%'", max: 2));
        var experiment = await Store.GetExperimentAsync(ids[0], None);
        var found = await Store.SearchExperimentsAsync(new ExperimentQuery(SearchSyntax.ParseExperimentFilter($"name = '{prefix}-0'"), [], ViewType.ActiveOnly, 10, 0), None);
        var single = Assert.Single(found.Items);
        Assert.Equal(experiment!.Tags, single.Tags);
        Assert.Equal(experiment with { Tags = [] }, single with { Tags = [] });
    }
}
