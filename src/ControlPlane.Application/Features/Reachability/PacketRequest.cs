using System.Globalization;
using System.Net;
using ControlPlane.Application.Pipeline;
using ControlPlane.Domain.Errors;
using ControlPlane.Reachability;
using ControlPlane.Reachability.Queries;
using ControlPlane.Reachability.View;
using FluentValidation;

namespace ControlPlane.Application.Features.Reachability;

/// <summary>What every reachability question says about the traffic: protocol, port, the client's source ports, ICMP, family.</summary>
public abstract record PacketRequest
{
    /// <summary><c>tcp</c>, <c>udp</c>, <c>icmp</c>, <c>icmpv6</c>, <c>all</c>, or an IANA protocol number.</summary>
    public string? Protocol { get; init; }

    /// <summary>The TCP/UDP destination port; absent means any port.</summary>
    public int? Port { get; init; }

    /// <summary>The client's source ports, <c>50000</c> or <c>32768-60999</c>; absent: the client profile's ephemeral range.</summary>
    public string? SourcePorts { get; init; }

    /// <summary><c>linux</c> (the default), <c>windows</c>, <c>nat-gateway</c>, <c>elastic-load-balancing</c> or <c>lambda</c>.</summary>
    public string? ClientProfile { get; init; }

    /// <summary>True (the default): the return path must pass on every source port, since a client may pick any of them.</summary>
    public bool? RequireAllSourcePorts { get; init; }

    /// <summary>ICMP type and code (-1 any); absent: echo request.</summary>
    public int? IcmpType { get; init; }
    public int? IcmpCode { get; init; }

    /// <summary>Evaluate IPv6 (the interfaces' IPv6 addresses and the IPv6 rules) instead of IPv4.</summary>
    public bool? Ipv6 { get; init; }
}

public static class PacketRequests
{
    public static int ProtocolNumber(this PacketRequest request) =>
        ReachabilityTerms.TryParseProtocol(request.Protocol, out var protocol) ? protocol : throw Ec2Errors.InvalidParameterValue(request.Protocol ?? "", "protocol");

    public static PacketOptions Options(this PacketRequest request) => new()
    {
        Ipv6 = request.Ipv6 ?? false,
        IcmpType = request.IcmpType,
        IcmpCode = request.IcmpCode,
        SourcePorts = request.SourcePorts is { } text ? ParsePorts(text) : null,
        ClientProfile = ClientProfileOrDefault(request.ClientProfile),
        RequireAllSourcePorts = request.RequireAllSourcePorts ?? true,
    };

    public static bool TryParsePorts(string? text, out PortSpan ports)
    {
        ports = default;
        if (string.IsNullOrEmpty(text)) return false;
        var dash = text.IndexOf('-', 1);
        var (from, to) = dash < 0 ? (text, text) : (text[..dash], text[(dash + 1)..]);
        if (!int.TryParse(from, NumberStyles.None, CultureInfo.InvariantCulture, out var f) || !int.TryParse(to, NumberStyles.None, CultureInfo.InvariantCulture, out var t)) return false;
        if (f > t || t > 65535) return false;
        ports = new PortSpan(f, t);
        return true;
    }

    private static PortSpan ParsePorts(string text) =>
        TryParsePorts(text, out var ports) ? ports : throw Ec2Errors.InvalidParameterValue(text, "sourcePorts");

    public static bool IsAddress(string? text) => text is null || IPAddress.TryParse(text, out _);

    public static ClientProfile ClientProfileOrDefault(string? text) =>
        ReachabilityTerms.TryParseClientProfile(text, out var profile) ? profile : ClientProfile.Linux;

    /// <summary>A client profile, when given, names one of <see cref="ClientProfile"/> (any case, dashes allowed).</summary>
    public static void ValidClientProfile<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, string?>> profile) =>
        validator.RuleFor(profile).Must(p => p is null || ReachabilityTerms.TryParseClientProfile(p, out _))
            .WithAwsError((_, p) => Ec2Errors.InvalidParameterValue($"Invalid clientProfile '{p}': use linux, windows, nat-gateway, elastic-load-balancing or lambda."));
}

/// <summary>The shape checks every reachability question shares (each failure an AWS-style <c>InvalidParameterValue</c> or <c>MissingParameter</c>).</summary>
public abstract class PacketRequestValidator<T> : AbstractValidator<T> where T : PacketRequest
{
    protected PacketRequestValidator()
    {
        RuleFor(c => c.Protocol).NotEmpty().WithAwsError((_, _) => Ec2Errors.MissingParameter("protocol"));
        RuleFor(c => c.Protocol).Must(p => ReachabilityTerms.TryParseProtocol(p, out _)).When(c => !string.IsNullOrEmpty(c.Protocol))
            .WithAwsError((_, p) => Ec2Errors.InvalidParameterValue($"Invalid protocol '{p}': use tcp, udp, icmp, icmpv6, all or a protocol number 0-255."));
        RuleFor(c => c.Port).InclusiveBetween(0, 65535).When(c => c.Port is not null)
            .WithAwsError((_, p) => Ec2Errors.InvalidParameterValue($"Invalid port {p}: ports are 0-65535."));
        RuleFor(c => c.Port).Null().When(c => ReachabilityTerms.TryParseProtocol(c.Protocol, out var n) && n is not (6 or 17))
            .WithAwsError((c, _) => Ec2Errors.InvalidParameterValue($"A port applies to tcp and udp only, not to protocol '{c.Protocol}'."));
        RuleFor(c => c.SourcePorts).Must(s => PacketRequests.TryParsePorts(s, out _)).When(c => c.SourcePorts is not null)
            .WithAwsError((_, s) => Ec2Errors.InvalidParameterValue($"Invalid sourcePorts '{s}': use a port (50000) or a range (32768-60999)."));
        this.ValidClientProfile(c => c.ClientProfile);
        RuleFor(c => c.IcmpType).InclusiveBetween(-1, 255).When(c => c.IcmpType is not null)
            .WithAwsError((_, t) => Ec2Errors.InvalidParameterValue($"Invalid icmpType {t}: -1 (any) or 0-255."));
        RuleFor(c => c.IcmpCode).InclusiveBetween(-1, 255).When(c => c.IcmpCode is not null)
            .WithAwsError((_, t) => Ec2Errors.InvalidParameterValue($"Invalid icmpCode {t}: -1 (any) or 0-255."));
    }
}
