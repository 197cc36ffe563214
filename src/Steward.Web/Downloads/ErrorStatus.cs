using Microsoft.AspNetCore.Http;
using Steward.Errors;

namespace Steward.Web.Downloads;

/// <summary>The HTTP status of a page or download that failed with a domain error, as the API would answer.</summary>
internal static class ErrorStatus
{
    public static int Of(ErrorCode code) => code switch
    {
        ErrorCode.InvalidParameterValue => StatusCodes.Status400BadRequest,
        ErrorCode.ResourceDoesNotExist => StatusCodes.Status404NotFound,
        ErrorCode.ResourceAlreadyExists => StatusCodes.Status409Conflict,
        ErrorCode.GateClosed => StatusCodes.Status409Conflict,
        ErrorCode.PermissionDenied => StatusCodes.Status403Forbidden,
        ErrorCode.Unauthenticated => StatusCodes.Status401Unauthorized,
        ErrorCode.NotImplemented => StatusCodes.Status501NotImplemented,
        ErrorCode.RequestLimitExceeded => StatusCodes.Status429TooManyRequests,
        ErrorCode.RequestTooLarge => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status500InternalServerError,
    };
}
