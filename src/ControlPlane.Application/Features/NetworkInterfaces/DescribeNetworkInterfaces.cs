using ControlPlane.Application.Features.SecurityGroups;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using Microsoft.EntityFrameworkCore;
using NetworkInterface = ControlPlane.Domain.Model.NetworkInterface;

namespace ControlPlane.Application.Features.NetworkInterfaces;

/// <summary>
/// Lists interfaces with their addresses, groups and attachment, by id and by filter. Terraform asks with
/// <c>group-id</c> and <c>subnet-id</c> before deleting a group or subnet, and by id while it waits for
/// <c>available</c>: plain values of those filters narrow the query, so such look-ups do not read the whole scope.
/// A fixed number of queries whatever the number of interfaces (interfaces, their addresses and groups, group names, tags).
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeNetworkInterfaces.html
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

        /// <summary>Shows interfaces of AWS-managed (operator) resources; the emulator hides none.</summary>
        public bool? IncludeManagedResources { get; init; }
    }

    public sealed record Result(IReadOnlyList<InterfaceShapes.NetworkInterface> NetworkInterfaces, string? NextToken);

    public sealed class Handler(ControlPlaneDbContext db, TagStore tags) : IHandler<Command, Result>
    {
        private const int FewInterfaces = 50;

        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            Ids.RequireWellFormed(command.NetworkInterfaceIds, ResourceIds.NetworkInterface, Ec2Errors.NetworkInterfaceIdMalformed);
            // "You cannot specify this parameter and the network interface IDs parameter in the same request."
            if (command.NetworkInterfaceIds is { Count: > 0 } && command.MaxResults is not null)
                throw Ec2Errors.MaxResultsWithIds("NetworkInterfaceIds");
            var match = NetworkInterfaceViews.Filters.Compile(command.Filters);

            var (query, narrowed) = Select(command);
            var interfaces = await Ids.LoadAsync(query, command.NetworkInterfaceIds, ResourceIds.NetworkInterface,
                Ec2Errors.NetworkInterfaceIdMalformed, Ec2Errors.NetworkInterfacesNotFound, cancellationToken);

            var ids = interfaces.Select(n => n.Id).ToList();
            var few = narrowed && ids.Count <= FewInterfaces;
            var tagsOf = few ? await tags.LoadAsync(ids, cancellationToken) : await tags.LoadAllAsync(NetworkInterfaceViews.ResourceType, cancellationToken);
            var names = await GroupNamesAsync(interfaces, few, cancellationToken);
            var rows = interfaces.Select(n => new NetworkInterfaceViews.Row(n, tagsOf(n.Id), names)).Where(match);
            var page = Page.Take(rows, r => r.Interface.Id, command);
            return new Result(page.Items.Select(r => NetworkInterfaceViews.ToShape(r)).ToList(), page.NextToken);
        }

        /// <summary>Ids select interfaces; without ids, plain values of the filters Terraform and the CLI use narrow the query (the filter table still decides).</summary>
        private (IQueryable<NetworkInterface> Query, bool Narrowed) Select(Command command)
        {
            var query = db.NetworkInterfaces.AsNoTracking()
                .Include(n => n.PrivateIpAddresses).Include(n => n.Ipv6Addresses).Include(n => n.Groups).AsSplitQuery();
            if (command.NetworkInterfaceIds is { Count: > 0 }) return (query, true);
            var narrowed = false;
            if (ExactFilterValues.Of(command.Filters, "network-interface-id") is { } ids) (query, narrowed) = (query.Where(n => ids.Contains(n.Id)), true);
            if (ExactFilterValues.Of(command.Filters, "subnet-id") is { } subnets) (query, narrowed) = (query.Where(n => subnets.Contains(n.SubnetId)), true);
            if (ExactFilterValues.Of(command.Filters, "vpc-id") is { } vpcs) (query, narrowed) = (query.Where(n => vpcs.Contains(n.VpcId)), true);
            if (ExactFilterValues.Of(command.Filters, "group-id") is { } groups) (query, narrowed) = (query.Where(n => n.Groups.Any(g => groups.Contains(g.GroupId))), true);
            if (ExactFilterValues.Of(command.Filters, "attachment.instance-id") is { } instances)
                (query, narrowed) = (query.Where(n => n.AttachedInstanceId != null && instances.Contains(n.AttachedInstanceId)), true);
            return (query, narrowed);
        }

        /// <summary>Names of the groups the interfaces carry: by id for a few interfaces, else the scope's groups in one plain query.</summary>
        private async Task<IReadOnlyDictionary<string, string>> GroupNamesAsync(List<NetworkInterface> interfaces, bool few, CancellationToken cancellationToken)
        {
            var groups = db.SecurityGroups.AsNoTracking();
            if (few)
            {
                var ids = interfaces.SelectMany(n => n.Groups).Select(g => g.GroupId).Distinct().ToList();
                groups = groups.Where(g => ids.Contains(g.Id));
            }
            return await groups.Select(g => new { g.Id, g.GroupName }).ToDictionaryAsync(g => g.Id, g => g.GroupName, StringComparer.Ordinal, cancellationToken);
        }
    }
}
