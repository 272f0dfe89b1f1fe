using ControlPlane.Api;
using ControlPlane.Api.Rest.OpenApi;

if (args is [OpenApiExport.Option, var path]) return await OpenApiExport.WriteAsync(path);

var app = ControlPlaneApp.Build(args);
await app.InitializeStoreAsync();
await app.RunAsync();
return 0;

/// <summary>Entry point; exposed for WebApplicationFactory-style tests.</summary>
public partial class Program;
