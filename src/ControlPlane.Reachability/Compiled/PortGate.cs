namespace ControlPlane.Reachability.Compiled;

/// <summary>
/// README §3, written once: how a component's admitted ports act on the ports a path carries. A component blocks when
/// it admits none of the ports it receives or, on a return path that requires every source port, when it refuses any;
/// after a block the path keeps the ports it had, so every later component is still judged.
/// </summary>
internal static class PortGate
{
    /// <summary>Passes <paramref name="ports"/> through; returns the refused ports when the component blocks, else null.</summary>
    public static PortSet? Pass(ref PortSet ports, PortSet admitted, bool requireAllPorts)
    {
        var passed = ports.Intersect(admitted);
        var blocks = requireAllPorts ? !ReferenceEquals(passed, ports) && !ports.IsSubsetOf(passed) : passed.IsEmpty;
        if (blocks) return ports.Except(passed);
        ports = passed;
        return null;
    }
}
