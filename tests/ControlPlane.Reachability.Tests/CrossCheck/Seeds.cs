namespace ControlPlane.Reachability.Tests.CrossCheck;

/// <summary>Where the random runs start: fixed, so a failure replays; <c>CROSSCHECK_SEED</c> moves every run to other seeds.</summary>
public static class Seeds
{
    public static int Base =>
        int.TryParse(Environment.GetEnvironmentVariable("CROSSCHECK_SEED"), out var seed) ? seed : 20261124;
}
