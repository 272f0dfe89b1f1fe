using ControlPlane.Reachability.Answers;
using ControlPlane.Reachability.Compiled;

namespace ControlPlane.Reachability.Analysis;

/// <summary>
/// One path (forward or return) under construction: its hops, the ports still surviving, and whether some component
/// blocked it. Every blocking component is reported and evaluation goes on with the ports it received (README §3).
/// </summary>
internal sealed class PathBuilder(string name, Traffic traffic, PortSet scope, bool requireAllPorts, List<Explanation> explanations)
{
    private readonly List<Hop> _hops = [];

    public string Name => name;
    public Traffic Traffic => traffic;

    /// <summary>The ports this path starts with: every component's admitted set is computed within it.</summary>
    public PortSet Scope { get; } = scope;

    /// <summary>The ports that survived every component so far.</summary>
    public PortSet Ports { get; private set; } = scope;

    public bool Found { get; private set; } = true;

    public void Add(Hop hop) => _hops.Add(hop);

    public void Block(Explanation explanation)
    {
        Found = false;
        explanations.Add(explanation with { Path = name });
    }

    /// <summary>
    /// Passes the ports a component admits on. It blocks when it admits none of the ports it received or, on a return path
    /// that requires every source port, when it refuses any; the refused ports are returned and the path keeps the ports
    /// it had, so later components are still judged.
    /// </summary>
    public PortSet? Gate(PortSet admitted)
    {
        var passed = Ports.Intersect(admitted);
        var blocks = requireAllPorts ? !ReferenceEquals(passed, Ports) && !Ports.IsSubsetOf(passed) : passed.IsEmpty;
        if (blocks) return Ports.Except(passed);
        Ports = passed;
        return null;
    }

    public IReadOnlyList<PathComponent> Build(Refs refs, PacketHeader outbound, PacketHeader inbound)
    {
        var port = Ports.Min;
        var components = new PathComponent[_hops.Count];
        for (var i = 0; i < _hops.Count; i++) components[i] = _hops[i].Build(i + 1, port, refs);
        if (components.Length > 0)
        {
            components[0] = components[0] with { OutboundHeader = outbound };
            components[^1] = components[^1] with { InboundHeader = inbound };
        }
        return components;
    }
}
