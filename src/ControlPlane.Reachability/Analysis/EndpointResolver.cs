using ControlPlane.Reachability.Answers;
using ControlPlane.Reachability.Compiled;
using ControlPlane.Reachability.Queries;
using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability.Analysis;

/// <summary>An endpoint resolved to an interface, with the address the query pins on it (null: its default address).</summary>
internal sealed record InterfaceCandidate(CompiledInterface Eni, Host? Pinned) : Candidate;

/// <summary>A host outside the view: one address, or the unspecified internet host, optionally through a named gateway.</summary>
internal sealed record ExternalCandidate(Host Host, GatewayView? Gateway) : Candidate;

internal abstract record Candidate;

/// <summary>The candidates of one endpoint, or the configuration explanation that ends the analysis.</summary>
internal sealed record Resolution(IReadOnlyList<Candidate> Candidates, Explanation? Failure);

/// <summary>README §1: an endpoint becomes one or more interfaces (in id order) or an external host.</summary>
internal sealed class EndpointResolver(NetworkIndex index, bool ipv6)
{
    public Resolution Resolve(Endpoint endpoint, bool isSource, System.Net.IPAddress? pinned)
    {
        var pin = pinned is null ? (Host?)null : Host.Of(pinned);
        return endpoint switch
        {
            Endpoint.Interface e => Interface(e.NetworkInterfaceId, pin),
            Endpoint.Resource r => Resource(r.IdArnOrName, pin),
            Endpoint.Address a => Address(a.Value, isSource),
            Endpoint.Internet i => Internet(i.GatewayId, pin),
            _ => Fail(endpoint.ToString()),
        };
    }

    private Resolution Interface(string id, Host? pin) =>
        index.InterfacesById.TryGetValue(id, out var eni) ? One(new InterfaceCandidate(eni, pin)) : Fail(id);

    /// <summary>An owner by id, ARN or name resolves to its interfaces; an interface or gateway id (or ARN) also works.</summary>
    private Resolution Resource(string given, Host? pin)
    {
        foreach (var key in Keys(given))
        {
            if (index.Owners.TryGetValue(key, out var owner))
            {
                return index.InterfacesByOwner.TryGetValue(owner.Id, out var enis)
                    ? new Resolution([.. enis.Select(e => new InterfaceCandidate(e, pin))], null)
                    : Fail(given);
            }
            if (index.InterfacesById.TryGetValue(key, out var eni)) return One(new InterfaceCandidate(eni, pin));
            if (index.Gateways.TryGetValue(key, out var gateway) && gateway.Kind != GatewayKind.NatGateway) return Internet(gateway.Id, pin);
        }
        return Fail(given);
    }

    /// <summary>
    /// A private address is its interface with that address pinned; a public address, or one outside every VPC of the
    /// view, is an external host; an address inside a VPC that no interface holds is unknown.
    /// </summary>
    private Resolution Address(System.Net.IPAddress address, bool isSource)
    {
        var host = Host.Of(address);
        if (index.PrivateAddresses.TryGetValue(host, out var eni)) return One(new InterfaceCandidate(eni, host));
        if (index.PublicAddresses.ContainsKey(host) || !index.InsideSomeVpc(host)) return One(new ExternalCandidate(host, null));
        return new Resolution([], isSource ? Explain.NoSourceOrDestination(address.ToString()) : Explain.UnknownAddress(address.ToString()));
    }

    private Resolution Internet(string? gatewayId, Host? pin)
    {
        var host = pin ?? Host.Internet(ipv6);
        if (gatewayId is null) return One(new ExternalCandidate(host, null));
        return index.Gateways.TryGetValue(gatewayId, out var gateway) && gateway.Kind != GatewayKind.NatGateway
            ? One(new ExternalCandidate(host, gateway))
            : Fail(gatewayId);
    }

    /// <summary>The text as given, then (for an ARN such as <c>arn:aws:ec2:…:instance/i-…</c>) the id after the last slash.</summary>
    private static IEnumerable<string> Keys(string given)
    {
        yield return given;
        var slash = given.LastIndexOf('/');
        if (given.StartsWith("arn:", StringComparison.Ordinal) && slash >= 0 && slash < given.Length - 1) yield return given[(slash + 1)..];
    }

    private static Resolution One(Candidate candidate) => new([candidate], null);

    private static Resolution Fail(string given) => new([], Explain.NoSourceOrDestination(given));
}
