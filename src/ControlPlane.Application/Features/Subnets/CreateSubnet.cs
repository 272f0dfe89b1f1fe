using ControlPlane.Application.Features.Regions;
using ControlPlane.Application.Features.Vpcs;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using ControlPlane.Domain.Networking;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ControlPlane.Application.Features.Subnets;

/// <summary>
/// A subnet's IPv4 block lies inside one of its VPC's blocks, is /16 to /28 and overlaps no other subnet; an IPv6
/// block is a /64 of the VPC's IPv6 block. New subnets are associated with the VPC's default network ACL.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSubnet.html
/// </summary>
public static class CreateSubnet
{
    public sealed record Command : ICommand<Result>, IDryRunnable, ITagged
    {
        public string? VpcId { get; init; }
        public string? CidrBlock { get; init; }
        public string? Ipv6CidrBlock { get; init; }
        public bool? Ipv6Native { get; init; }
        public string? AvailabilityZone { get; init; }
        public string? AvailabilityZoneId { get; init; }
        public string? OutpostArn { get; init; }
        public string? Ipv4IpamPoolId { get; init; }
        public int? Ipv4NetmaskLength { get; init; }
        public string? Ipv6IpamPoolId { get; init; }
        public int? Ipv6NetmaskLength { get; init; }
        public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(Shapes.Subnet Subnet);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.VpcId!).Must(id => ResourceIds.IsWellFormed(id, ResourceIds.Vpc)).WithAwsError((_, id) => Ec2Errors.VpcIdMalformed(id));
            RuleFor(c => c.OutpostArn).Null().WithAwsError((_, _) => Ec2Errors.UnsupportedOperation("Outposts are not supported by ControlPlane."));
            RuleFor(c => c.Ipv4IpamPoolId ?? c.Ipv6IpamPoolId).Null()
                .WithAwsError((_, _) => Ec2Errors.UnsupportedOperation("IPAM pools are not supported by ControlPlane; give CidrBlock."));
            RuleFor(c => c.Ipv6Native).NotEqual(true).WithAwsError((_, _) => Ec2Errors.UnsupportedOperation("IPv6-only subnets are not supported by ControlPlane yet; give CidrBlock."));
            RuleFor(c => c.CidrBlock).NotNull().WithAwsError((_, _) => Ec2Errors.MissingParameter("CidrBlock"));
            RuleFor(c => c.CidrBlock!).Must(t => Cidr.TryParse(t, out var c) && !c.IsIpv6).When(c => c.CidrBlock is not null)
                .WithAwsError((_, v) => Ec2Errors.InvalidCidrBlock(v));
            RuleFor(c => c.CidrBlock!).Must(VpcRules.HasVpcSize).When(c => Cidr.TryParse(c.CidrBlock, out var b) && !b.IsIpv6)
                .WithAwsError((_, v) => Ec2Errors.InvalidSubnetRange(v));
            RuleFor(c => c.Ipv6CidrBlock!).Must(t => Cidr.TryParse(t, out var c) && c.IsIpv6 && c.PrefixLength == 64).When(c => c.Ipv6CidrBlock is not null)
                .WithAwsError((_, v) => Ec2Errors.InvalidSubnetRange(v));
            this.ValidTagSpecifications("subnet");
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, SubnetBuilder builder, TagStore tags, RequestContext request, IOptions<ControlPlaneOptions> options)
        : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var vpc = await db.Vpcs.Include(v => v.CidrBlocks).FirstOrDefaultAsync(v => v.Id == command.VpcId, cancellationToken)
                ?? throw Ec2Errors.VpcNotFound(command.VpcId!);
            var siblings = await db.Subnets.Include(s => s.Ipv6CidrBlocks).Where(s => s.VpcId == vpc.Id).ToListAsync(cancellationToken);
            if (siblings.Count >= options.Value.Quotas.SubnetsPerVpc) throw Ec2Errors.SubnetLimitExceeded();

            _ = Cidr.TryParse(command.CidrBlock, out var ipv4);
            if (!vpc.CidrBlocks.Any(c => !c.IsIpv6 && Cidr.TryParse(c.Cidr, out var v) && v.Contains(ipv4))) throw Ec2Errors.InvalidSubnetRange(command.CidrBlock!);
            if (siblings.Any(s => Cidr.TryParse(s.CidrBlock, out var other) && other.Overlaps(ipv4))) throw Ec2Errors.SubnetConflict(command.CidrBlock!);
            Cidr? ipv6 = null;
            if (command.Ipv6CidrBlock is not null)
            {
                _ = Cidr.TryParse(command.Ipv6CidrBlock, out var block);
                if (!vpc.CidrBlocks.Any(c => c.IsIpv6 && Cidr.TryParse(c.Cidr, out var v) && v.Contains(block))) throw Ec2Errors.InvalidSubnetRange(command.Ipv6CidrBlock);
                if (siblings.SelectMany(s => s.Ipv6CidrBlocks).Any(c => Cidr.TryParse(c.Cidr, out var other) && other.Overlaps(block)))
                    throw Ec2Errors.SubnetConflict(command.Ipv6CidrBlock);
                ipv6 = block;
            }

            var zone = PickZone(command, siblings);
            var defaultAcl = await db.NetworkAcls.Where(a => a.VpcId == vpc.Id && a.IsDefault).Select(a => a.Id).SingleAsync(cancellationToken);
            var subnet = builder.Add(vpc.Id, defaultAcl, ipv4, zone, defaultForAz: false, ipv6);
            var applied = await tags.ApplyAsync(command.TagSpecifications, "subnet", subnet.Id, options.Value.Quotas.TagsPerResource, cancellationToken);
            return new Result(SubnetViews.ToShape(new SubnetViews.Row(subnet, applied, 0)));
        }, cancellationToken);

        /// <summary>The named zone, or (as AWS picks one for you) the zone holding the fewest subnets of this VPC.</summary>
        private ZoneInfo PickZone(Command command, List<Domain.Model.Subnet> siblings)
        {
            var zones = RegionCatalog.Get(request.Region).Zones;
            if (command.AvailabilityZone is { } name)
                return zones.FirstOrDefault(z => z.ZoneName == name) ?? throw Ec2Errors.InvalidAvailabilityZone(name, zones.Select(z => z.ZoneName));
            if (command.AvailabilityZoneId is { } id)
                return zones.FirstOrDefault(z => z.ZoneId == id) ?? throw Ec2Errors.InvalidAvailabilityZoneId(id);
            return zones.OrderBy(z => siblings.Count(s => s.AvailabilityZone == z.ZoneName)).First();
        }
    }
}
