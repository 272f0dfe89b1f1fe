using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using ControlPlane.Domain.Model;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ControlPlane.Application.Features.Addresses;

/// <summary>
/// Allocates an Elastic IP address of the <c>vpc</c> domain from Amazon's pool, in the region's network border group.
/// Five per region by default (AddressLimitExceeded beyond). EC2-Classic (<c>standard</c>) is retired; a chosen address
/// needs a BYOIP pool, and IPAM or customer-owned pools are not emulated.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AllocateAddress.html
/// </summary>
public static class AllocateAddress
{
    public sealed record Command : ICommand<Result>, IDryRunnable, ITagged
    {
        public string? Address { get; init; }
        public string? CustomerOwnedIpv4Pool { get; init; }
        public string? Domain { get; init; }
        public string? IpamPoolId { get; init; }
        public string? NetworkBorderGroup { get; init; }
        public string? PublicIpv4Pool { get; init; }
        public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(string AllocationId, string PublicIp, string Domain, string PublicIpv4Pool, string NetworkBorderGroup);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Domain).Must(d => d is null or AddressViews.Domain).WithAwsError((_, d) => Ec2Errors.InvalidAddressDomain(d!));
            RuleFor(c => c.Address).Null().WithAwsError((_, a) => Ec2Errors.SpecificAddressUnsupported(a!));
            RuleFor(c => c.PublicIpv4Pool).Must(p => p is null or AddressViews.AmazonPool).WithAwsError((_, p) => Ec2Errors.PublicIpv4PoolNotFound(p!));
            RuleFor(c => c.IpamPoolId).Null().WithAwsError((_, _) => Ec2Errors.AddressPoolUnsupported("IpamPoolId"));
            RuleFor(c => c.CustomerOwnedIpv4Pool).Null().WithAwsError((_, _) => Ec2Errors.AddressPoolUnsupported("CustomerOwnedIpv4Pool"));
            this.ValidTagSpecifications(AddressViews.ResourceType);
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, TagStore tags, RequestContext request, IIdGenerator ids,
        IOptions<ControlPlaneOptions> options) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            // The network border group of a region's own zones is the region's name.
            // https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing-eips-allocating.html
            if (command.NetworkBorderGroup is { } group && group != request.Region) throw Ec2Errors.InvalidNetworkBorderGroup(group);
            return writer.WriteAsync(async () =>
            {
                var quotas = options.Value.Quotas;
                if (await db.ElasticIps.CountAsync(cancellationToken) >= quotas.ElasticIpsPerRegion) throw Ec2Errors.AddressLimitExceeded();
                var id = ids.NewId(ResourceIds.ElasticIpAllocation);
                var eip = new ElasticIp
                {
                    AccountId = request.AccountId, Region = request.Region, Id = id,
                    PublicIp = await PublicAddresses.PickAsync(db, id, cancellationToken),
                    NetworkBorderGroup = request.Region,
                };
                db.ElasticIps.Add(eip);
                await tags.ApplyAsync(command.TagSpecifications, AddressViews.ResourceType, id, quotas.TagsPerResource, cancellationToken);
                return new Result(id, eip.PublicIp, AddressViews.Domain, AddressViews.AmazonPool, eip.NetworkBorderGroup);
            }, cancellationToken);
        }
    }
}
