using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Steward.Errors;
using Steward.Identity;
using Steward.Server.Hosting;

namespace Steward.Server.Identity;

/// <summary>
/// Answers a request a permission policy refused as a service's own check would: the refusal
/// worded and recorded in the ledger by <see cref="AccessControl"/>, then 403 in the API's error
/// format. Everything else (a challenge, a success) is the framework's.
/// </summary>
internal sealed class PermissionRefusals : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _framework = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden
            && authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<PermissionRequirement>().FirstOrDefault() is { } failed
            && context.GetEndpoint()?.Metadata.GetMetadata<PermissionCheck>() is { } check)
        {
            try
            {
                await context.RequestServices.GetRequiredService<AccessControl>()
                    .DemandAsync(failed.Permission, check.Action, check.Resource(context), context.RequestAborted);
            }
            catch (StewardException e)
            {
                await ApiErrors.WriteAsync(context, e.Code, e.Message);
                return;
            }
        }

        await _framework.HandleAsync(next, context, policy, authorizeResult);
    }
}
