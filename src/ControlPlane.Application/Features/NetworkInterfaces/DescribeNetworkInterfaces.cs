using ControlPlane.Domain.Ids;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.NetworkInterfaces;

/// <summary>
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeNetworkInterfaces.html
/// The store has no network interfaces yet, so the honest answer is an empty list: every well-formed id is NotFound.
/// Terraform asks with <c>group-id</c> and <c>subnet-id</c> before deleting a security group or subnet.
/// </summary>
public static class DescribeNetworkInterfaces
{
    public sealed record Command : ICommand<Result>, IDryRunnable, IPaged
    {
        public IReadOnlyList<string>? NetworkInterfaceIds { get; init; }
        public IReadOnlyList<Filter>? Filters { get; init; }
        public int? MaxResults { get; init; }
        public string? NextToken { get; init; }
        public bool? DryRun { get; init; }

        /// <summary>Includes interfaces managed by AWS services; there are none to hide.</summary>
        public bool? IncludeManagedResources { get; init; }
    }

    public sealed record Result(IReadOnlyList<object> NetworkInterfaces, string? NextToken);

    public sealed class Handler : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            Ids.RequireWellFormed(command.NetworkInterfaceIds, ResourceIds.NetworkInterface, Ec2Errors.NetworkInterfaceIdMalformed);
            // "You cannot specify this parameter and the network interface IDs parameter in the same request."
            if (command.NetworkInterfaceIds is { Count: > 0 } && command.MaxResults is not null)
                throw Ec2Errors.MaxResultsWithIds("NetworkInterfaceIds");
            var match = NetworkInterfaceViews.Filters.Compile(command.Filters);
            Ids.RequireFound(command.NetworkInterfaceIds, [], Ec2Errors.NetworkInterfacesNotFound);
            var page = Page.Take(Array.Empty<object>().Where(match), static _ => string.Empty, command);
            return Task.FromResult(new Result(page.Items, page.NextToken));
        }
    }
}
