using ControlPlane.Reachability.Compiled;

namespace ControlPlane.Reachability.Analysis;

/// <summary>An interface end of a pair with the address it uses; <see cref="Own"/> is null when that address is not one of its own.</summary>
internal sealed record EniSide(CompiledInterface Eni, Host Host, InterfaceAddress? Own)
{
    public Host? PublicIp => Own?.PublicIp;
    public CompiledSubnet? Subnet => Eni.Subnet;
}
