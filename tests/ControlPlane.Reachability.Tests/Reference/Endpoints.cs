using System.Net;
using ControlPlane.Reachability.Answers;
using ControlPlane.Reachability.Queries;
using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability.Tests.Reference;

/// <summary>An end of a path once resolved (README §1).</summary>
internal abstract record End;

/// <summary>An interface, with the address the query pins on it (null: its default address).</summary>
internal sealed record InterfaceEnd(NetworkInterfaceView Eni, IPAddress? Pinned) : End;

/// <summary>A host outside the view: one address, or (null) the unspecified internet host; through the gateway named, if any.</summary>
internal sealed record HostEnd(IPAddress? Address, GatewayView? NamedGateway) : End
{
    public Peer Peer => new(Address);
}

/// <summary>The ends an endpoint resolves to, or the configuration explanation that ends the analysis.</summary>
internal sealed record Resolution(IReadOnlyList<End> Ends, Explanation? Configuration);

internal static class Endpoints
{
    public static Resolution Resolve(NetworkView view, Endpoint endpoint, IPAddress? pinned, bool isSource) => endpoint switch
    {
        Endpoint.Interface i => ByInterfaceId(view, i.NetworkInterfaceId, pinned) ?? NotFound(i.NetworkInterfaceId),
        Endpoint.Resource r => ByResource(view, r.IdArnOrName, pinned),
        Endpoint.Address a => ByAddress(view, a.Value, isSource),
        Endpoint.Internet n => n.GatewayId is null
            ? new Resolution([new HostEnd(pinned, null)], null)
            : ByGatewayId(view, n.GatewayId, pinned) ?? NotFound(n.GatewayId),
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint)),
    };

    private static Resolution? ByInterfaceId(NetworkView view, string id, IPAddress? pinned) =>
        view.NetworkInterfaces.FirstOrDefault(e => e.Id == id) is { } eni ? new Resolution([new InterfaceEnd(eni, pinned)], null) : null;

    private static Resolution? ByGatewayId(NetworkView view, string id, IPAddress? pinned) =>
        view.Gateways.FirstOrDefault(g => g.Id == id && g.Kind != GatewayKind.NatGateway) is { } gateway
            ? new Resolution([new HostEnd(pinned, gateway)], null)
            : null;

    /// <summary>An owner by id, ARN or name (its interfaces in id order), else an interface id, else an internet gateway id.</summary>
    private static Resolution ByResource(NetworkView view, string idArnOrName, IPAddress? pinned)
    {
        var owner = view.Owners.FirstOrDefault(o => o.Id == idArnOrName || o.Arn == idArnOrName || o.Name == idArnOrName || o.Aliases.Contains(idArnOrName));
        if (owner is not null)
        {
            var interfaces = view.NetworkInterfaces.Where(e => e.OwnerId == owner.Id || owner.InterfaceIds.Contains(e.Id)).OrderBy(e => e.Id, StringComparer.Ordinal)
                .Select(e => (End)new InterfaceEnd(e, pinned)).ToList();
            return interfaces.Count > 0 ? new Resolution(interfaces, null) : NotFound(idArnOrName);
        }
        return ByInterfaceId(view, idArnOrName, pinned) ?? ByGatewayId(view, idArnOrName, pinned) ?? NotFound(idArnOrName);
    }

    /// <summary>
    /// An interface's private address pins that interface; a public IP or an address outside every VPC CIDR is an external
    /// host; any other address inside a VPC CIDR is unknown.
    /// </summary>
    private static Resolution ByAddress(NetworkView view, IPAddress address, bool isSource)
    {
        var eni = view.NetworkInterfaces.FirstOrDefault(e => Topology.OwnAddresses(e).Any(a => a.Equals(address)));
        if (eni is not null) return new Resolution([new InterfaceEnd(eni, address)], null);
        var isPublicIpOfInterface = view.NetworkInterfaces.Any(e => e.PrivateIpAddresses.Any(p => address.Equals(p.PublicIp)));
        if (isPublicIpOfInterface || !Topology.InsideSomeVpc(view, address)) return new Resolution([new HostEnd(address, null)], null);
        return isSource ? NotFound(address.ToString()) : Configuration(new Explanation
        {
            Code = "UNKNOWN_DESTINATION",
            Component = new ComponentRef("unknown", address.ToString()),
            Address = address.ToString(),
        });
    }

    private static Resolution NotFound(string given) => Configuration(new Explanation
    {
        Code = "NO_SOURCE_OR_DESTINATION",
        Component = new ComponentRef("unknown", given),
        Message = $"{given} is not in the view",
    });

    private static Resolution Configuration(Explanation explanation) => new([], explanation);
}
