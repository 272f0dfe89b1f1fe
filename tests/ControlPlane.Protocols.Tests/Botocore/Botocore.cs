using System.Diagnostics;
using System.Text.Json.Nodes;

namespace ControlPlane.Protocols.Tests;

/// <summary>Runs botocore_roundtrip.py (python3 with the botocore package, which tools/trim-model needs as well).</summary>
internal static class Botocore
{
    private static readonly string Script = Path.Combine(RepositoryPaths.Root, "tests", "ControlPlane.Protocols.Tests", "Botocore", "botocore_roundtrip.py");

    /// <summary>One case per operation of the embedded model: sample input, what botocore sends for it, a sample result.</summary>
    public static JsonObject[] Cases(string service) =>
        Run("cases", service, "").AsArray().Select(c => c!.AsObject()).ToArray();

    public static JsonNode Run(string mode, string service, string stdin)
    {
        var start = new ProcessStartInfo("python3", [Script, mode, service])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var python = Process.Start(start)!;
        python.StandardInput.Write(stdin);
        python.StandardInput.Close();
        var stderr = python.StandardError.ReadToEndAsync();
        var stdout = python.StandardOutput.ReadToEnd();
        python.WaitForExit();
        Assert.True(python.ExitCode == 0, $"{Script} {mode} {service} failed: {stderr.Result}");
        return JsonNode.Parse(stdout)!;
    }
}
