using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Steward.Identity;
using Steward.Web.Components;
using Steward.Web.Downloads;
using Steward.Web.Session;

namespace Steward.Web.Hosting;

/// <summary>How a host adds the web UI: its services, then its routes after the APIs'.</summary>
public static class WebUiRegistration
{
    /// <summary>
    /// Registers the UI's services. The host registers <see cref="Reports.IReportDocuments"/> and
    /// the <see cref="ISessionKeyStore"/> that keeps the cookies' keys itself.
    /// </summary>
    public static IServiceCollection AddStewardWeb(this IServiceCollection services, WebUiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        // Keys in the metadata database, so sessions survive a restart and every server sharing
        // the database reads the cookies the others issued.
        services.AddDataProtection().SetApplicationName("steward");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(keys =>
            keys.XmlRepository = new DatabaseKeyRepository(provider.GetRequiredService<ISessionKeyStore>(), provider.GetRequiredService<TimeProvider>())));
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "steward-antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.HttpOnly = true;
        });
        services.AddRazorComponents();
        services.AddSingleton<UiSession>();
        return services;
    }

    /// <summary>
    /// The UI's middleware, after authentication: antiforgery validation of its forms (the JSON
    /// APIs take no forms), the 404 page for UI paths no page answers, the 500 page.
    /// </summary>
    public static IApplicationBuilder UseStewardWeb(this IApplicationBuilder app)
    {
        app.UseAntiforgery();
        app.UseMiddleware<UiErrors>();
        return app;
    }

    /// <summary>Maps the pages, the style sheet, downloads and sign-out.</summary>
    public static IEndpointRouteBuilder MapStewardWeb(this IEndpointRouteBuilder app)
    {
        app.MapRazorComponents<App>();
        app.MapGet(UiPaths.Assets + "/steward.css", StyleSheet.Serve);
        app.MapGet("/favicon.ico", () => TypedResults.NoContent());
        app.MapDownloads();
        app.MapSignOut();
        return app;
    }
}
