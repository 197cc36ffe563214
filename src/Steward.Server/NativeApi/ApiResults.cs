using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Steward.Server.NativeApi;

/// <summary>Results written with the native API's source-generated JSON contract.</summary>
internal static class ApiResults
{
    public static JsonHttpResult<T> Ok<T>(T value, JsonTypeInfo<T> typeInfo) => TypedResults.Json(value, typeInfo);

    public static CreatedJson<T> Created<T>(string location, T value, JsonTypeInfo<T> typeInfo) => new(location, value, typeInfo);
}

/// <summary>201 with a Location header and a JSON body serialized by the source-generated context.</summary>
internal sealed class CreatedJson<T>(string location, T value, JsonTypeInfo<T> typeInfo) : IResult, IStatusCodeHttpResult, IValueHttpResult<T>
{
    public int? StatusCode => StatusCodes.Status201Created;

    public T? Value => value;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.Location = location;
        return TypedResults.Json(value, typeInfo, statusCode: StatusCodes.Status201Created).ExecuteAsync(httpContext);
    }
}
