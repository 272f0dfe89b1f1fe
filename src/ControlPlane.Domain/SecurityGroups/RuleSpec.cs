using System.Globalization;
using ControlPlane.Domain.Networking;

namespace ControlPlane.Domain.SecurityGroups;

/// <summary>
/// A validated security group rule before it gets an id: protocol, ports and one peer. Two specs with the same
/// <see cref="Identity"/> are the same AWS rule (the description does not count), which is what makes a second
/// authorise <c>InvalidPermission.Duplicate</c> and lets a revoke by properties find the rule.
/// </summary>
public sealed record RuleSpec(IpProtocol Protocol, PortRange Ports, RulePeer Peer, string? Description)
{
    public string Identity => string.Create(CultureInfo.InvariantCulture,
        $"{Protocol.Number}|{Ports.From}|{Ports.To}|{(int)Peer.Kind}|{Peer.Value}");

    /// <summary>
    /// The rule as AWS spells it in InvalidPermission.Duplicate:
    /// <c>peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW</c>, <c>peer: 0.0.0.0/0, ALL, ALLOW</c>,
    /// <c>peer: 0.0.0.0/0, protocol: 50, ALLOW</c>.
    /// </summary>
    public string DuplicateDescription
    {
        get
        {
            var what = Protocol switch
            {
                { IsAll: true } => "ALL",
                { HasPorts: true, IsIcmp: true } => $"{Protocol.WireName.ToUpperInvariant()}, type: {Ports.From}, code: {Ports.To}",
                { HasPorts: true } => $"{Protocol.WireName.ToUpperInvariant()}, from port: {Ports.From}, to port: {Ports.To}",
                _ => $"protocol: {Protocol.Number}",
            };
            return string.Create(CultureInfo.InvariantCulture, $"peer: {Peer.Value}, {what}, ALLOW");
        }
    }
}
