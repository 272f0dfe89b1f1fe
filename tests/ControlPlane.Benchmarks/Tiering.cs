using System.Diagnostics;

namespace ControlPlane.Benchmarks;

/// <summary>Runs this benchmark process again with tiered compilation's call-counting delay at 0.</summary>
public static class Tiering
{
    public const string DelayVariable = "DOTNET_TC_CallCountingDelayMs";

    public static async Task<int> RunSelfWithoutDelayAsync(string[] args)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this process is unknown.");
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        // Under `dotnet ControlPlane.Benchmarks.dll` the host is dotnet itself: name the assembly again.
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") start.ArgumentList.Add(typeof(Tiering).Assembly.Location);
        foreach (var argument in args) start.ArgumentList.Add(argument);
        start.Environment[DelayVariable] = "0";
        using var child = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {host}.");
        await child.WaitForExitAsync();
        return child.ExitCode;
    }
}
