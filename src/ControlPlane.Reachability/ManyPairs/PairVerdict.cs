using ControlPlane.Reachability.Compiled;

namespace ControlPlane.Reachability.ManyPairs;

/// <summary>
/// The verdict of one interface pair without the path: both path flags, the first explanation code <c>Analyze</c> would
/// give, and the ports that survive each path (their lowest picks the rules shown).
/// </summary>
internal readonly record struct PairVerdict(bool Forward, bool Return, string? FirstBlock, PortSet ForwardPorts, PortSet ReturnPorts)
{
    public bool Found => Forward && Return;
}
