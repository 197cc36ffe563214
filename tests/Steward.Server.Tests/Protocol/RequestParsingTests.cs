using System.Net;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Protocol;

/// <summary>How requests are read (spec §4): content types, bodies on every method, query strings, types.</summary>
public sealed class RequestParsingTests(ApiServers servers) : ApiTests(servers)
{
    [SkippableTheory, Backends]
    public async Task a_post_without_content_type_is_refused_with_mlflows_message(Backend backend)
    {
        var api = await ApiAsync(backend);
        var response = await api.SendAsync(HttpMethod.Post, "experiments/create", """{"name": "x"}""", contentType: null);
        Assert.Equal("Bad Request. Content-Type header is missing.", response.Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE"));
    }

    [SkippableTheory, Backends]
    public async Task a_post_with_another_content_type_is_refused_with_mlflows_message(Backend backend)
    {
        var api = await ApiAsync(backend);
        var response = await api.SendAsync(HttpMethod.Post, "experiments/create", """{"name": "x"}""", "text/plain");
        Assert.Equal("Bad Request. Content-Type must be one of ['application/json'].", response.Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE"));
    }

    [SkippableTheory, Backends]
    public async Task content_type_parameters_after_a_semicolon_are_ignored(Backend backend)
    {
        var api = await ApiAsync(backend);
        var response = await api.SendAsync(HttpMethod.Post, "experiments/create", $$"""{"name": "{{Unique("ct")}}"}""", "application/json; charset=utf-8");
        Assert.False(string.IsNullOrEmpty(response.Ok().GetProperty("experiment_id").GetString()));
    }

    [SkippableTheory, Backends]
    public async Task malformed_json_is_a_400_that_names_the_problem(Backend backend)
    {
        var api = await ApiAsync(backend);
        var message = (await api.SendAsync(HttpMethod.Post, "experiments/create", """{"name": "x" """)).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
        Assert.StartsWith("Malformed JSON in the request body:", message);
        Assert.Contains("LineNumber", message);
    }

    [SkippableTheory, Backends]
    public async Task a_body_that_is_a_json_string_is_decoded_a_second_time(Backend backend)
    {
        var api = await ApiAsync(backend);
        var name = Unique("twice");
        var response = await api.SendAsync(HttpMethod.Post, "experiments/create", $$"""  "{\"name\": \"{{name}}\"}"  """);
        var id = response.Ok().GetProperty("experiment_id").GetString();
        var experiment = (await api.GetAsync($"experiments/get-by-name?experiment_name={name}")).Ok().GetProperty("experiment");
        Assert.Equal(id, experiment.GetProperty("experiment_id").GetString());
    }

    [SkippableTheory, Backends]
    public async Task an_empty_body_counts_as_an_empty_object(Backend backend)
    {
        var api = await ApiAsync(backend);
        var response = await api.SendAsync(HttpMethod.Post, "experiments/search", "");
        Assert.True(response.Ok().GetProperty("experiments").GetArrayLength() >= 1);
    }

    [SkippableTheory, Backends]
    public async Task a_value_of_the_wrong_type_is_a_400_that_names_the_field(Backend backend)
    {
        var api = await ApiAsync(backend);
        var response = await api.PostAsync("experiments/create", new { name = 123 });
        Assert.Equal(
            "Invalid value 123 for parameter 'name' supplied. Hint: Value was of type 'int'. See the API docs for more information about request parameters.",
            response.Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE"));
    }

    [SkippableTheory, Backends]
    public async Task a_missing_required_field_is_a_400_that_names_the_field(Backend backend)
    {
        var api = await ApiAsync(backend);
        var response = await api.GetAsync("experiments/get");
        Assert.Equal(
            "Missing value for required parameter 'experiment_id'. See the API docs for more information about request parameters.",
            response.Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE"));
    }

    [SkippableTheory, Backends]
    public async Task int64_fields_accept_numbers_given_as_strings(Backend backend)
    {
        var api = await ApiAsync(backend);
        var experimentId = await api.CreateExperimentAsync();
        var run = (await api.PostAsync("runs/create", new { experiment_id = experimentId, start_time = "1700000000123" })).Ok();
        Assert.Equal(1700000000123, run.GetProperty("run").GetProperty("info").GetProperty("start_time").GetInt64());
    }

    [SkippableTheory, Backends]
    public async Task enums_are_read_by_name_or_by_number(Backend backend)
    {
        var api = await ApiAsync(backend);
        var runId = await api.CreateRunAsync();
        var byNumber = (await api.PostAsync("runs/update", new { run_id = runId, status = 3, end_time = 1700000000999L })).Ok();
        Assert.Equal("FINISHED", byNumber.GetProperty("run_info").GetProperty("status").GetString());
        var byName = (await api.PostAsync("runs/update", new { run_id = runId, status = "KILLED" })).Ok();
        Assert.Equal("KILLED", byName.GetProperty("run_info").GetProperty("status").GetString());
        var wrong = await api.PostAsync("runs/update", new { run_id = runId, status = "SLEEPING" });
        Assert.Contains("'status'", wrong.Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE"));
    }

    [SkippableTheory, Backends]
    public async Task run_uuid_stands_in_for_run_id(Backend backend)
    {
        var api = await ApiAsync(backend);
        var runId = await api.CreateRunAsync();
        (await api.PostAsync("runs/set-tag", new { run_uuid = runId, key = "k", value = "v" })).Ok();
        var run = (await api.GetAsync($"runs/get?run_uuid={runId}")).Ok().GetProperty("run");
        Assert.Contains(run.GetProperty("data").GetProperty("tags").EnumerateArray(), t => t.GetProperty("key").GetString() == "k");
    }

    [SkippableTheory, Backends]
    public async Task repeated_query_keys_and_bracketed_keys_make_lists(Backend backend)
    {
        var api = await ApiAsync(backend);
        var name = Unique("lists");
        (await api.PostAsync("registered-models/create", new { name })).Ok();
        var runId = await api.CreateRunAsync();
        var run = await api.GetRunAsync(runId);
        for (var i = 0; i < 2; i++)
        {
            (await api.PostAsync("model-versions/create", new { name, source = run.GetProperty("info").GetProperty("artifact_uri").GetString() + "/model", run_id = runId })).Ok();
        }

        (await api.PostAsync("model-versions/transition-stage", new { name, version = "1", stage = "Staging", archive_existing_versions = false })).Ok();
        (await api.PostAsync("model-versions/transition-stage", new { name, version = "2", stage = "Production", archive_existing_versions = false })).Ok();
        foreach (var query in new[] { "stages=Staging&stages=Production", "stages[]=Staging&stages[]=Production", "stages[0]=Staging&stages[1]=Production" })
        {
            var versions = (await api.GetAsync($"registered-models/get-latest-versions?name={name}&{query}")).Ok().GetProperty("model_versions");
            Assert.Equal(2, versions.GetArrayLength());
        }

        var single = (await api.GetAsync($"registered-models/get-latest-versions?name={name}&stages=Staging")).Ok().GetProperty("model_versions");
        Assert.Equal("1", Assert.Single(single.EnumerateArray()).GetProperty("version").GetString());
    }

    [SkippableTheory, Backends]
    public async Task a_delete_carries_its_fields_in_a_json_body(Backend backend)
    {
        var api = await ApiAsync(backend);
        var name = Unique("del");
        (await api.PostAsync("registered-models/create", new { name })).Ok();
        Assert.Equal("{}", (await api.DeleteAsync("registered-models/delete", new { name })).Body);
        (await api.GetAsync($"registered-models/get?name={name}")).Error(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST");
    }

    [SkippableTheory, Backends]
    public async Task the_ajax_prefix_serves_the_same_api(Backend backend)
    {
        var api = await ApiAsync(backend);
        var experimentId = await api.CreateExperimentAsync();
        var experiment = (await api.GetAsync($"/ajax-api/2.0/mlflow/experiments/get?experiment_id={experimentId}")).Ok().GetProperty("experiment");
        Assert.Equal(experimentId, experiment.GetProperty("experiment_id").GetString());
        var created = await api.PostAsync("/ajax-api/2.0/mlflow/experiments/create", new { name = Unique("ajax") });
        Assert.False(string.IsNullOrEmpty(created.Ok().GetProperty("experiment_id").GetString()));
    }

    [SkippableTheory, Backends]
    public async Task an_unknown_endpoint_is_a_404_endpoint_not_found(Backend backend)
    {
        var api = await ApiAsync(backend);
        (await api.GetAsync("experiments/no-such-thing")).Error(HttpStatusCode.NotFound, "ENDPOINT_NOT_FOUND");
        (await api.PostAsync("/api/2.0/mlflow-artifacts/nothing-here", new { })).Error(HttpStatusCode.NotFound, "ENDPOINT_NOT_FOUND");
    }

    [SkippableTheory, Backends]
    public async Task a_known_endpoint_called_with_the_wrong_method_is_a_405(Backend backend)
    {
        var api = await ApiAsync(backend);
        var response = await api.GetAsync("experiments/create");
        Assert.Contains("POST", response.Error(HttpStatusCode.MethodNotAllowed, "BAD_REQUEST"));
        (await api.PostAsync("runs/get", new { })).Error(HttpStatusCode.MethodNotAllowed, "BAD_REQUEST");
    }

    [SkippableTheory, Backends]
    public async Task a_body_that_is_not_an_object_is_refused(Backend backend)
    {
        var api = await ApiAsync(backend);
        var message = (await api.SendAsync(HttpMethod.Post, "experiments/create", "[1, 2]")).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
        Assert.Contains("JSON object", message);
    }
}
