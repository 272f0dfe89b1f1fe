using ControlPlane.Api;

var app = ControlPlaneApp.Build(args);
await app.InitializeStoreAsync();
await app.RunAsync();

/// <summary>Entry point; exposed for WebApplicationFactory-style tests.</summary>
public partial class Program;
