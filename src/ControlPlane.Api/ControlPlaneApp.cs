using System.Reflection;
using ControlPlane.Api.Aws;
using ControlPlane.Api.Hosting;
using ControlPlane.Api.Rest;
using ControlPlane.Api.Rest.OpenApi;
using ControlPlane.Api.Sandbox;
using ControlPlane.Application;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Store;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Api;

/// <summary>Builds the emulator host. Tests and benchmarks build it the same way, with their own configuration.</summary>
public static class ControlPlaneApp
{
    public const int DefaultPort = 4566;

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // appsettings.json ships beside the binaries; the SQLite file stays relative to the working directory.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls($"http://localhost:{builder.Configuration.GetValue("ControlPlane:Port", DefaultPort)}");
        }
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });

        builder.Services.Configure<ControlPlaneOptions>(builder.Configuration.GetSection(ControlPlaneOptions.Section));
        // Large Authorize/Describe requests carry many parameters (each IpPermissions.N.IpRanges.N.CidrIp is one).
        builder.Services.Configure<FormOptions>(o => o.ValueCountLimit = 100_000);
        var store = StoreSetup.Create(builder.Configuration);
        builder.Services.AddSingleton(store);
        builder.Services.AddDbContext<ControlPlaneDbContext>(store.Configure);
        builder.Services.AddControlPlaneApplication();
        builder.Services.AddSingleton<AwsQueryEndpoint>();
        builder.Services.AddSingleton<AwsJsonEndpoint>();
        builder.Services.AddSingleton<AwsEndpoint>();
        builder.Services.AddSingleton<StoreReadiness>();
        builder.Services.AddRestApi();
        builder.Services.AddRestOpenApi();
        builder.Services.AddSandbox();

        var app = builder.Build();
        app.MapPost("/", (HttpContext http, AwsEndpoint endpoint) => endpoint.HandleAsync(http));
        app.MapGet("/", (HttpContext http, AwsEndpoint endpoint) => endpoint.HandleAsync(http));
        // Lambda, EKS and MQ address resources by path (/2015-03-31/functions/{name}, /clusters, /v1/brokers); the
        // catch-all has the lowest precedence, so the REST API, sandbox and Swagger routes still win.
        app.Map("/{**path}", (HttpContext http, AwsEndpoint endpoint) => endpoint.HandleAsync(http));
        app.MapGet("/_controlplane/health", (IStoreProvider provider, StoreReadiness readiness) => Results.Json(new HealthReport(
            readiness.IsReady ? "ready" : "starting", Version, provider.Kind, readiness.IsReady)));
        app.MapRestApi();
        app.MapSandbox();
        app.MapRestOpenApi();
        return app;
    }

    public static string Version { get; } =
        typeof(ControlPlaneApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Applies migrations (and provider set-up) before the host answers requests.</summary>
    public static async Task InitializeStoreAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        using var scope = app.Services.CreateScope();
        var provider = scope.ServiceProvider.GetRequiredService<IStoreProvider>();
        await provider.InitializeAsync(scope.ServiceProvider.GetRequiredService<ControlPlaneDbContext>(), cancellationToken);
        app.Services.GetRequiredService<StoreReadiness>().MarkReady();
    }
}

public sealed record HealthReport(string Status, string Version, string Store, bool Ready);

public sealed class StoreReadiness
{
    public bool IsReady { get; private set; }
    public void MarkReady() => IsReady = true;
}
