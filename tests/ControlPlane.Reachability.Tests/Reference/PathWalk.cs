using ControlPlane.Reachability.Answers;
using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability.Tests.Reference;

/// <summary>
/// One path (forward or return) as README §3 walks it: the ports still alive, the components met in order, and the
/// explanation of every component that blocks. A blocking component does not stop the walk: the next component gets the
/// ports the blocking one received.
/// </summary>
internal sealed class PathWalk(string name, List<int> ports, bool requireAll)
{
    /// <summary>Builds a hop's <see cref="PathComponent"/> once the port whose rules are shown is known.</summary>
    public delegate PathComponent StepBuilder(int sequenceNumber, int port);

    private readonly List<StepBuilder> _steps = [];

    public string Name => name;
    public List<int> Ports { get; private set; } = ports;
    public bool Found { get; private set; } = true;
    public List<Explanation> Explanations { get; } = [];

    public void Hop(StepBuilder step) => _steps.Add(step);

    public void Hop(ComponentRef component, string? vpcId = null, string? subnetId = null) =>
        _steps.Add((sequence, _) => new PathComponent { SequenceNumber = sequence, Component = component, VpcId = vpcId, SubnetId = subnetId });

    /// <summary>
    /// Runs every port through <paramref name="admits"/>. Returns null when the component lets the path go on (keeping the
    /// admitted ports), else the refused ports. The forward path (and the return path without RequireAllSourcePorts) is
    /// blocked when no port is admitted; with RequireAllSourcePorts, when any port is refused.
    /// </summary>
    public List<int>? Filter(Func<int, bool> admits)
    {
        var admitted = new List<int>(Ports.Count);
        var refused = new List<int>();
        foreach (var port in Ports)
        {
            if (admits(port)) admitted.Add(port);
            else refused.Add(port);
        }
        var blocks = requireAll ? refused.Count > 0 : admitted.Count == 0;
        if (blocks) return refused;
        Ports = admitted;
        return null;
    }

    public void Block(Explanation explanation)
    {
        Found = false;
        Explanations.Add(explanation with { Path = name });
    }

    /// <summary>The hops in order, each showing the rule that admits the lowest port still alive at the end of the walk.</summary>
    public IReadOnlyList<PathComponent> Components()
    {
        var port = Ports.Count > 0 ? Ports.Min() : 0;
        return _steps.Select((step, index) => step(index + 1, port)).ToList();
    }

    /// <summary>Ports as the fewest inclusive spans.</summary>
    public static List<PortSpan> Spans(IEnumerable<int> ports)
    {
        var spans = new List<PortSpan>();
        foreach (var port in ports.Order())
        {
            if (spans.Count > 0 && spans[^1].To == port - 1) spans[^1] = spans[^1] with { To = port };
            else spans.Add(new PortSpan(port, port));
        }
        return spans;
    }
}
