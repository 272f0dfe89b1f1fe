using System.Net.Sockets;
using ControlPlane.Application.Pipeline;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using ControlPlane.Domain.Networking;
using FluentValidation;

namespace ControlPlane.Application.Features.NetworkInterfaces;

/// <summary>Request shape rules the network interface actions share.</summary>
public static class InterfaceRules
{
    /// <summary>User-made attachments are <c>eni-attach-…</c>; services' (Lambda, NAT gateways) are <c>ela-attach-…</c>.</summary>
    public const string AttachmentPrefix = "eni-attach";
    public const string ServiceAttachmentPrefix = "ela-attach";
    public const string InstancePrefix = "i";

    public static bool IsIpv4(string? text) => text is not null && Cidr.TryParseAddress(text, out _, out var family) && family == AddressFamily.InterNetwork;

    public static bool IsIpv6(string? text) => text is not null && Cidr.TryParseAddress(text, out _, out var family) && family == AddressFamily.InterNetworkV6;

    public static bool IsAttachmentId(string? id) =>
        ResourceIds.IsWellFormed(id, AttachmentPrefix) || ResourceIds.IsWellFormed(id, ServiceAttachmentPrefix);

    public static void ValidInterfaceId<T>(this AbstractValidator<T> validator, Func<T, string?> id) =>
        validator.RuleFor(c => id(c)!).Must(v => ResourceIds.IsWellFormed(v, ResourceIds.NetworkInterface))
            .WithAwsError((_, v) => Ec2Errors.NetworkInterfaceIdMalformed(v)).OverridePropertyName("NetworkInterfaceId");

    public static void ValidGroupIds<T>(this AbstractValidator<T> validator, Func<T, IReadOnlyList<string>?> groups) =>
        validator.RuleForEach(c => groups(c)).Must(id => ResourceIds.IsWellFormed(id, ResourceIds.SecurityGroup))
            .WithAwsError((_, id) => Ec2Errors.SecurityGroupIdMalformed(id)).OverridePropertyName("SecurityGroupId");

    public static void ValidDescription<T>(this AbstractValidator<T> validator, Func<T, string?> description) =>
        validator.RuleFor(c => description(c)).Must(d => d is null || d.Length <= 255)
            .WithAwsError((_, d) => Ec2Errors.InvalidNetworkInterfaceDescription(d!)).OverridePropertyName("Description");
}
