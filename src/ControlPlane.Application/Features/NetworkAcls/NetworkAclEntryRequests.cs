using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.NetworkAcls;
using FluentValidation;

namespace ControlPlane.Application.Features.NetworkAcls;

/// <summary>What CreateNetworkAclEntry and ReplaceNetworkAclEntry both take (the same input members in the AWS model).</summary>
public interface INetworkAclEntryRequest
{
    string? NetworkAclId { get; }
    int? RuleNumber { get; }
    string? Protocol { get; }
    string? RuleAction { get; }
    bool? Egress { get; }
    string? CidrBlock { get; }
    string? Ipv6CidrBlock { get; }
    IcmpTypeCode? IcmpTypeCode { get; }
    PortRange? PortRange { get; }
}

public static class NetworkAclEntryRequests
{
    /// <exception cref="AwsException">The entry's AWS error (the validator has checked it already).</exception>
    public static NetworkAclEntrySpec Spec(this INetworkAclEntryRequest request) => NetworkAclEntrySpec.Parse(
        request.RuleNumber, request.Egress, request.Protocol, request.RuleAction, request.CidrBlock, request.Ipv6CidrBlock,
        request.PortRange?.From, request.PortRange?.To, request.IcmpTypeCode?.Type, request.IcmpTypeCode?.Code);

    /// <summary>The ACL id, then the entry, each with its AWS error.</summary>
    public static void ValidEntryRequest<T>(this AbstractValidator<T> validator) where T : INetworkAclEntryRequest
    {
        validator.RuleFor(c => c.NetworkAclId).Must(id => NetworkAclQueries.NetworkAclIdProblem(id) is null)
            .WithAwsError((_, id) => NetworkAclQueries.NetworkAclIdProblem(id)!);
        validator.RuleFor(c => c).Must(c => Problem(c) is null).WithAwsError((c, _) => Problem(c)!);
    }

    private static AwsException? Problem(INetworkAclEntryRequest request)
    {
        try
        {
            _ = request.Spec();
            return null;
        }
        catch (AwsException e)
        {
            return e;
        }
    }
}
