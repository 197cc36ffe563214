using System.Globalization;
using Microsoft.AspNetCore.Builder;

namespace Steward.Server.Hosting;

/// <summary>
/// Endpoint metadata: the largest request body an endpoint reads. Endpoints without it get
/// <see cref="Default"/> (MLflow's 1 MiB for a JSON request); only streamed uploads go without a
/// limit. <see cref="RequestBodyLimits"/> enforces it before anything reads the body.
/// </summary>
/// <param name="MaxBytes">The limit in bytes; null for a streamed upload of any size.</param>
/// <param name="TooLarge">Words the refusal, given the body's size when the request declared it.</param>
internal sealed record RequestBodyLimit(long? MaxBytes, Func<long?, string>? TooLarge = null)
{
    public static RequestBodyLimit Default { get; } = new(Limits.MaxRequestBytes);

    /// <summary>For uploads streamed to the artifact store, never held in memory.</summary>
    public static RequestBodyLimit Streamed { get; } = new((long?)null);

    /// <summary>The message for a body over the limit.</summary>
    public string Describe(long? size) => TooLarge?.Invoke(size) ?? Message(size, MaxBytes ?? 0);

    /// <summary>The default wording, naming the size when known and always the limit.</summary>
    public static string Message(long? size, long limit) => size is null
        ? $"The request body is larger than the {limit.ToString(CultureInfo.InvariantCulture)} bytes this endpoint accepts."
        : $"The request body of {size.Value.ToString(CultureInfo.InvariantCulture)} bytes is larger than the {limit.ToString(CultureInfo.InvariantCulture)} bytes this endpoint accepts.";
}

/// <summary>Declaring an endpoint's body limit.</summary>
internal static class RequestBodyLimitExtensions
{
    /// <summary>Lets the endpoint take a streamed body of any size.</summary>
    public static TBuilder AcceptsStreamedBody<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(RequestBodyLimit.Streamed);
}
