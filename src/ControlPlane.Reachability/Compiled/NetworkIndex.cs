using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability.Compiled;

/// <summary>
/// The view in indexed form, built once by <see cref="NetworkCompiler"/> and never changed afterwards: every lookup the
/// evaluator makes is a dictionary probe, a binary search or a walk over a pre-sorted list.
/// </summary>
internal sealed class NetworkIndex
{
    public required IReadOnlyDictionary<string, CompiledVpc> Vpcs { get; init; }
    public required IReadOnlyDictionary<string, CompiledSubnet> Subnets { get; init; }

    /// <summary>Every interface, ordered by id; <see cref="CompiledInterface.Index"/> is the position here.</summary>
    public required CompiledInterface[] Interfaces { get; init; }
    public required IReadOnlyDictionary<string, CompiledInterface> InterfacesById { get; init; }

    /// <summary>Owner id → its interfaces, ordered by id.</summary>
    public required IReadOnlyDictionary<string, CompiledInterface[]> InterfacesByOwner { get; init; }

    /// <summary>Owners by id, ARN and name.</summary>
    public required IReadOnlyDictionary<string, OwnerView> Owners { get; init; }

    /// <summary>Every group by id, including the rule-less stand-ins for groups an interface names but the view lacks.</summary>
    public required IReadOnlyDictionary<string, CompiledGroup> Groups { get; init; }

    /// <summary>How many ACLs and route tables there are (their indexes are below these).</summary>
    public required int AclCount { get; init; }
    public required int RouteTableCount { get; init; }

    /// <summary>Which ACLs and route tables treat every address of a subnet alike.</summary>
    public required SubnetUniformity Uniformity { get; init; }
    public required IReadOnlyDictionary<string, CompiledPeering> Peerings { get; init; }
    public required IReadOnlyDictionary<string, GatewayView> Gateways { get; init; }
    public required IReadOnlyDictionary<string, Block[]> PrefixLists { get; init; }

    /// <summary>Private IPv4 and IPv6 addresses → the interface that holds them (the first by id if two VPCs overlap).</summary>
    public required IReadOnlyDictionary<Host, CompiledInterface> PrivateAddresses { get; init; }

    /// <summary>Public and elastic IPv4 addresses → the interface they are associated with.</summary>
    public required IReadOnlyDictionary<Host, CompiledInterface> PublicAddresses { get; init; }

    /// <summary>Every interface (participant i is interface i) with its default address of each family, sorted for range queries.</summary>
    public required ManyPairs.Participants AllIpv4 { get; init; }
    public required ManyPairs.Participants AllIpv6 { get; init; }

    public ManyPairs.Participants All(bool ipv6) => ipv6 ? AllIpv6 : AllIpv4;

    public bool InsideSomeVpc(in Host host)
    {
        foreach (var vpc in Vpcs.Values) if (vpc.Contains(host)) return true;
        return false;
    }
}
