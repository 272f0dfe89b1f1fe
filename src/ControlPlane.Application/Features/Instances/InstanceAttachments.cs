using ControlPlane.Application.Features.NetworkInterfaces;

namespace ControlPlane.Application.Features.Instances;

/// <summary>Attachment ids of interfaces attached to instances: <c>eni-attach-</c> and 17 hex digits, as AWS gives them.</summary>
public static class InstanceAttachments
{
    public static string NewAttachmentId()
    {
        Span<byte> bytes = stackalloc byte[9];
        Random.Shared.NextBytes(bytes);
        return $"{InterfaceRules.AttachmentPrefix}-{Convert.ToHexStringLower(bytes)[..17]}";
    }
}
