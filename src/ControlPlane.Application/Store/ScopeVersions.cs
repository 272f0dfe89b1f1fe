namespace ControlPlane.Application.Store;

/// <summary>
/// Where a scope's state version starts. A scope can live more than once: the sandbox resets it (its rows, the scope's
/// own row included, are deleted and the next request creates it afresh) or imports it. Caches key on (scope, version)
/// and reuse an entry for that version or any later one (<see cref="Reachability.EvaluatorCache"/>), so a new life must
/// not start below the versions an earlier one reached. It starts at the Unix time in milliseconds times 1,000: above every
/// version of an earlier life unless that life averaged more than 1,000 writes a millisecond.
/// </summary>
public static class ScopeVersions
{
    public static long Fresh(TimeProvider time) => time.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
}
