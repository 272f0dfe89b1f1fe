using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ControlPlane.Api.Rest.OpenApi;

/// <summary>
/// <c>--write-openapi &lt;path&gt;</c>: starts the host on a free loopback port with a throwaway store, fetches the
/// document it serves at <see cref="OpenApiSetup.DocumentPath"/> and writes it to the file, so the committed document is
/// byte for byte what the app serves. A relative path is taken from the repository root (the directory holding
/// <c>ControlPlane.sln</c>), since <c>dotnet run --project</c> runs in the project's directory.
/// </summary>
public static class OpenApiExport
{
    public const string Option = "--write-openapi";

    public static async Task<int> WriteAsync(string path)
    {
        var app = ControlPlaneApp.Build(["--urls", "http://127.0.0.1:0", "--ControlPlane:Store=memory", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning"]);
        path = Path.IsPathRooted(path) ? path : Path.Combine(RepositoryRoot() ?? Environment.CurrentDirectory, path);
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            var document = await http.GetStringAsync(OpenApiSetup.DocumentPath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, document.EndsWith('\n') ? document : document + "\n");
            Console.WriteLine($"Wrote {Path.GetFullPath(path)} ({document.Length:N0} characters).");
            return 0;
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static string? RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ControlPlane.sln"))) return directory.FullName;
        }
        return null;
    }
}
