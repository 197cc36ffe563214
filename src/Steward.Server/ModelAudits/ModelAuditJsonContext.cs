using System.Text.Json;
using System.Text.Json.Serialization;
using Steward.Contracts.ModelAudits;
using Steward.Errors;

namespace Steward.Server.ModelAudits;

/// <summary>The runners' request types (declared in Steward.Contracts, shared with the SDK), source-generated; unknown fields are refused so a misspelt setting is not ignored.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(FairnessAuditRequest))]
[JsonSerializable(typeof(EvaluationAuditRequest))]
[JsonSerializable(typeof(DriftAuditRequest))]
internal sealed partial class ModelAuditJsonContext : JsonSerializerContext
{
    /// <summary>Reads a runner's request from the body, a malformed one as a 400 naming the problem.</summary>
    public static T Read<T>(JsonElement body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return body.Deserialize(typeInfo) ?? throw StewardException.Invalid("Missing request body: expected a JSON object.");
        }
        catch (JsonException e)
        {
            var where = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : $" at '{e.Path.TrimStart('$', '.')}'";
            throw StewardException.Invalid($"Malformed audit request{where}: {e.Message.Split(" Path:", 2)[0]}");
        }
    }
}
