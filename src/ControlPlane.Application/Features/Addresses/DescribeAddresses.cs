using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.Addresses;

/// <summary>
/// Lists the caller's Elastic IP addresses, by allocation id and/or public address (each must exist) and filters.
/// DescribeAddresses does not page.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeAddresses.html
/// </summary>
public static class DescribeAddresses
{
    public sealed record Command : ICommand<Result>, IDryRunnable
    {
        public IReadOnlyList<string>? AllocationIds { get; init; }
        public IReadOnlyList<string>? PublicIps { get; init; }
        public IReadOnlyList<Filter>? Filters { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(IReadOnlyList<AddressViews.Address> Addresses);

    public sealed class Handler(ControlPlaneDbContext db, TagStore tags) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var match = AddressViews.Filters.Compile(command.Filters);
            var addresses = await Ids.LoadAsync(db.ElasticIps.AsNoTracking(), command.AllocationIds, ResourceIds.ElasticIpAllocation,
                Ec2Errors.AllocationIdMalformed, Ec2Errors.AllocationsNotFound, cancellationToken);
            if (command.PublicIps is { Count: > 0 } publicIps)
            {
                var missing = publicIps.Except(addresses.Select(a => a.PublicIp), StringComparer.Ordinal).ToList();
                if (missing.Count > 0) throw Ec2Errors.AddressesNotFound(missing);
                addresses = addresses.Where(a => publicIps.Contains(a.PublicIp, StringComparer.Ordinal)).ToList();
            }

            var interfaceIds = addresses.Select(a => a.NetworkInterfaceId).OfType<string>().ToList();
            var interfaces = await db.NetworkInterfaces.AsNoTracking().Where(n => interfaceIds.Contains(n.Id))
                .Select(n => new { n.Id, n.AccountId, n.AttachedInstanceId }).ToDictionaryAsync(n => n.Id, cancellationToken);
            var tagsOf = await tags.LoadAllAsync(AddressViews.ResourceType, cancellationToken);
            var rows = addresses.OrderBy(a => a.Id, StringComparer.Ordinal).Select(a =>
            {
                var eni = a.NetworkInterfaceId is { } eniId && interfaces.TryGetValue(eniId, out var found) ? found : null;
                return new AddressViews.Row(a, eni?.AttachedInstanceId, eni?.AccountId, tagsOf(a.Id));
            });
            return new Result(rows.Where(match).Select(AddressViews.ToShape).ToList());
        }
    }
}
