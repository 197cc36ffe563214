using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Steward.Contracts;
using Steward.Errors;
using Steward.Governance;
using Steward.Governance.Scorecards;
using Steward.Identity;

namespace Steward.Server.NativeApi.Governance;

/// <summary>
/// <c>/api/v1/governance/scorecard/...</c> (the configuration and its history, trial scoring)
/// and <c>/api/v1/governance/models/{name}/versions/{version}/scorecards</c> (filed scorecards).
/// </summary>
internal static class ScorecardsApi
{
    private static GovernanceJsonContext Json => GovernanceJsonContext.Default;

    public static void MapScorecardsApi(this RouteGroupBuilder governance)
    {
        governance.MapGet("/scorecard/config", GetConfigAsync);
        governance.MapPut("/scorecard/config", SetConfigAsync).Requires(Permission.ConfigureGovernance, GovernanceActions.ScorecardConfigUpdate);
        governance.MapGet("/scorecard/config/versions", ConfigHistoryAsync);
        governance.MapPost("/scorecard/score", ScoreAsync);
        governance.MapGet("/models/{name}/versions/{version}/scorecards", ListAsync);
        governance.MapPost("/models/{name}/versions/{version}/scorecards", FileAsync).Requires(Permission.FileScorecards, GovernanceActions.ScorecardFile, WritePermissions.Scorecard);
    }

    /// <summary>The configuration in force, or one version (<c>?version=0</c> is the shipped default).</summary>
    private static async Task<JsonHttpResult<ScorecardConfigDto>> GetConfigAsync(ScorecardConfigService configs, [FromQuery] string? version, CancellationToken cancellationToken)
    {
        var number = GovernanceQuery.Integer(version, "version");
        var config = number is null ? await configs.CurrentAsync(cancellationToken) : await configs.GetAsync(number.Value, cancellationToken);
        return ApiResults.Ok(config.ToDto(), Json.ScorecardConfig);
    }

    private static async Task<JsonHttpResult<ScorecardConfigDto>> SetConfigAsync(ScorecardConfigService configs, HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await Requests.ReadAsync(request, Json.ContentRequest, cancellationToken);
        var stored = await configs.SetAsync(Requests.Required(body.Content, "content"), cancellationToken);
        return ApiResults.Ok(stored.ToDto(), Json.ScorecardConfig);
    }

    private static async Task<JsonHttpResult<Page<DocumentVersionDto>>> ConfigHistoryAsync(ScorecardConfigService configs, CancellationToken cancellationToken)
    {
        var history = await configs.HistoryAsync(cancellationToken);
        return ApiResults.Ok(new Page<DocumentVersionDto>(history.Select(d => d.ToVersionDto()).ToList(), null), Json.PageGovernanceDocumentVersion);
    }

    /// <summary>Scores answers with the configuration in force; stores nothing.</summary>
    private static async Task<JsonHttpResult<ScoreResultDto>> ScoreAsync(ScorecardService scorecards, HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await Requests.ReadAsync(request, Json.ScoreRequest, cancellationToken);
        var (result, config) = await scorecards.ScoreAsync(Answers(body.Factors), cancellationToken);
        return ApiResults.Ok(result.ToDto(config.Document), Json.ScoreResult);
    }

    private static async Task<JsonHttpResult<Page<ScorecardDto>>> ListAsync(ScorecardService scorecards, string name, string version, CancellationToken cancellationToken)
    {
        var list = await scorecards.ListAsync(Requests.RouteValue(name), version, cancellationToken);
        return ApiResults.Ok(new Page<ScorecardDto>(list.Select(s => s.ToDto()).ToList(), null), Json.PageScorecard);
    }

    private static async Task<CreatedJson<ScorecardDto>> FileAsync(ScorecardService scorecards, string name, string version, HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await Requests.ReadAsync(request, Json.ScoreRequest, cancellationToken);
        var filed = await scorecards.FileAsync(Requests.RouteValue(name), version, Answers(body.Factors), cancellationToken);
        return ApiResults.Created(
            $"{NativeApi.Prefix}/governance/models/{Uri.EscapeDataString(filed.ModelName)}/versions/{filed.Version}/scorecards",
            filed.ToDto(),
            Json.Scorecard);
    }

    /// <summary>Answers as text: a level as a string, a number as a JSON number or a string.</summary>
    private static Dictionary<string, string> Answers(Dictionary<string, JsonElement>? factors)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in factors ?? [])
        {
            answers[key] = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString()!,
                JsonValueKind.Number => value.GetRawText(),
                _ => throw StewardException.Invalid($"Field 'factors.{key}' must be a text or a number, got {value.ValueKind.ToString().ToLowerInvariant()}."),
            };
        }

        return answers;
    }
}
