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
using Subnet = ControlPlane.Domain.Model.Subnet;

namespace ControlPlane.Application.Features.NetworkInterfaces;

/// <summary>
/// Creates an interface in a subnet. Its private IPv4 addresses come from the subnet: requested ones must lie in it, be
/// free and not among the five AWS reserves; the rest are the lowest free ones. IPv6 addresses come from the subnet's
/// /64 (requested, counted, or one when the subnet assigns IPv6 on creation). No group given: the VPC's default group.
/// The answer shows the interface <c>pending</c>; Describe shows it <c>available</c> (Terraform waits for that).
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateNetworkInterface.html
/// </summary>
public static class CreateNetworkInterface
{
    public sealed record Command : ICommand<Result>, IDryRunnable, ITagged
    {
        public string? SubnetId { get; init; }
        public string? Description { get; init; }
        public string? PrivateIpAddress { get; init; }
        public IReadOnlyList<string>? Groups { get; init; }
        public IReadOnlyList<InterfaceShapes.PrivateIpAddressSpecification>? PrivateIpAddresses { get; init; }
        public int? SecondaryPrivateIpAddressCount { get; init; }
        public IReadOnlyList<InterfaceShapes.InstanceIpv6Address>? Ipv6Addresses { get; init; }
        public int? Ipv6AddressCount { get; init; }
        public IReadOnlyList<InterfaceShapes.Ipv4PrefixSpecificationRequest>? Ipv4Prefixes { get; init; }
        public int? Ipv4PrefixCount { get; init; }
        public IReadOnlyList<InterfaceShapes.Ipv6PrefixSpecificationRequest>? Ipv6Prefixes { get; init; }
        public int? Ipv6PrefixCount { get; init; }
        public string? InterfaceType { get; init; }
        public bool? EnablePrimaryIpv6 { get; init; }
        public InterfaceShapes.ConnectionTrackingSpecificationRequest? ConnectionTrackingSpecification { get; init; }
        public InterfaceShapes.OperatorRequest? Operator { get; init; }
        public string? ClientToken { get; init; }
        public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
        public bool? DryRun { get; init; }

        /// <summary>
        /// The primary address asked for: PrivateIpAddress, else the entry marked primary (Terraform may mark one without
        /// an address: EC2 picks it), else the first entry. Null: EC2 picks the primary.
        /// </summary>
        public string? RequestedPrimary()
        {
            if (PrivateIpAddress is not null) return PrivateIpAddress;
            var entries = PrivateIpAddresses ?? [];
            var marked = entries.FirstOrDefault(p => p.Primary == true);
            return marked is not null ? marked.PrivateIpAddress : entries.FirstOrDefault()?.PrivateIpAddress;
        }

        public bool HasPrefixes() => Ipv4Prefixes is not null || Ipv4PrefixCount is not null || Ipv6Prefixes is not null || Ipv6PrefixCount is not null;

        public int PrimaryCount() => (PrivateIpAddress is null ? 0 : 1) + (PrivateIpAddresses ?? []).Count(p => p.Primary == true);

        public IReadOnlyList<string> RequestedIpv6() => (Ipv6Addresses ?? []).Select(a => a.Ipv6Address ?? "").ToList();

        /// <summary>Every address asked for by value, the primary first.</summary>
        public IEnumerable<string> RequestedAddresses()
        {
            var primary = RequestedPrimary();
            var rest = (PrivateIpAddresses ?? []).Select(p => p.PrivateIpAddress).OfType<string>();
            return primary is null ? rest : rest.Prepend(primary);
        }
    }

    public sealed record Result(InterfaceShapes.NetworkInterface NetworkInterface, string? ClientToken);

    private static readonly string[] InterfaceTypes = ["interface", "efa", "efa-only", "branch", "trunk"];

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.SubnetId!).Must(id => ResourceIds.IsWellFormed(id, ResourceIds.Subnet)).WithAwsError((_, id) => Ec2Errors.SubnetIdMalformed(id));
            this.ValidGroupIds(c => c.Groups);
            this.ValidDescription(c => c.Description);
            RuleFor(c => c.InterfaceType).Must(t => t is null || InterfaceTypes.Contains(t)).WithAwsError((_, t) => Ec2Errors.InvalidInterfaceType(t!));
            RuleFor(c => c.HasPrefixes()).Equal(false)
                .WithAwsError((_, _) => Ec2Errors.UnsupportedOperation("Prefix delegation (Ipv4Prefix, Ipv6Prefix) is not supported by ControlPlane."));
            RuleFor(c => c.EnablePrimaryIpv6).NotEqual(true)
                .WithAwsError((_, _) => Ec2Errors.UnsupportedOperation("Primary IPv6 addresses are not supported by ControlPlane."));
            RuleFor(c => c.ConnectionTrackingSpecification ?? (object?)c.Operator).Null()
                .WithAwsError((_, _) => Ec2Errors.UnsupportedOperation("Connection tracking settings and managed operators are not supported by ControlPlane."));

            RuleForEach(c => c.RequestedAddresses()).Must(InterfaceRules.IsIpv4).WithAwsError((_, a) => Ec2Errors.InvalidIpAddress(a))
                .OverridePropertyName("PrivateIpAddress");
            RuleFor(c => c).Must(c => c.PrivateIpAddresses == null || c.PrivateIpAddresses.All(p => p.PrivateIpAddress != null || p.Primary == true))
                .WithAwsError((_, _) => Ec2Errors.MissingParameter("PrivateIpAddresses.N.PrivateIpAddress"));
            RuleFor(c => c.PrimaryCount()).LessThanOrEqualTo(1)
                .WithAwsError((_, _) => Ec2Errors.MorePrimaryAddresses());
            RuleFor(c => c.SecondaryPrivateIpAddressCount).InclusiveBetween(0, InterfaceQueries.MaxAddressesPerInterface - 1)
                .WithAwsError((_, n) => Ec2Errors.InvalidParameterValue($"{n}", "secondaryPrivateIpAddressCount"));
            // "You can't specify this option and specify more than one private IP address using privateIpAddresses."
            RuleFor(c => c).Must(c => c.SecondaryPrivateIpAddressCount is null || (c.PrivateIpAddresses?.Count ?? 0) <= 1)
                .WithAwsError((_, _) => Ec2Errors.InvalidParameterCombination("The parameter secondaryPrivateIpAddressCount cannot be used with more than one privateIpAddresses entry."));

            RuleForEach(c => c.RequestedIpv6()).Must(InterfaceRules.IsIpv6)
                .WithAwsError((_, a) => Ec2Errors.InvalidIpAddress(a)).OverridePropertyName("Ipv6Addresses");
            RuleFor(c => c.Ipv6AddressCount).InclusiveBetween(0, InterfaceQueries.MaxAddressesPerInterface)
                .WithAwsError((_, n) => Ec2Errors.InvalidParameterValue($"{n}", "ipv6AddressCount"));
            RuleFor(c => c).Must(c => c.Ipv6AddressCount == null || c.RequestedIpv6().Count == 0)
                .WithAwsError((_, _) => Ec2Errors.InvalidParameterCombination("The parameter ipv6AddressCount cannot be used with the parameter ipv6Addresses."));
            RuleFor(c => c.ClientToken!).Must(ClientTokenIds.IsValid).When(c => c.ClientToken is not null)
                .WithAwsError((_, t) => Ec2Errors.InvalidClientToken(t));
            this.ValidTagSpecifications(NetworkInterfaceViews.ResourceType);
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, TagStore tags, RequestContext request, IIdGenerator ids,
        IOptions<ControlPlaneOptions> options) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var quotas = options.Value.Quotas;
            var subnet = await db.Subnets.AsNoTracking().Include(s => s.Ipv6CidrBlocks).FirstOrDefaultAsync(s => s.Id == command.SubnetId, cancellationToken)
                ?? throw Ec2Errors.SubnetNotFound(command.SubnetId!);
            if (await db.NetworkInterfaces.CountAsync(cancellationToken) >= quotas.NetworkInterfacesPerRegion) throw Ec2Errors.NetworkInterfaceLimitExceeded();
            // A retry with the same ClientToken answers the interface the first call created, under the id derived from the token.
            var id = command.ClientToken is { } token ? ClientTokenIds.Derive(ResourceIds.NetworkInterface, request, token) : ids.NewId(ResourceIds.NetworkInterface);
            if (command.ClientToken is not null && await EarlierAsync(id, command, cancellationToken) is { } earlier) return earlier;
            var groups = await db.ResolveInterfaceGroupsAsync(command.Groups, subnet.VpcId, subnet.Id, quotas.SecurityGroupsPerInterface, cancellationToken);

            var eni = new NetworkInterface
            {
                AccountId = request.AccountId, Region = request.Region, Id = id, SubnetId = subnet.Id,
                VpcId = subnet.VpcId, AvailabilityZone = subnet.AvailabilityZone, Description = command.Description ?? "",
                InterfaceType = command.InterfaceType ?? "interface", MacAddress = MacAddresses.New(),
            };
            eni.SetGroups(groups);
            await AddIpv4Async(eni, subnet, command, cancellationToken);
            await AddIpv6Async(eni, subnet, command, cancellationToken);
            db.NetworkInterfaces.Add(eni);

            var applied = await tags.ApplyAsync(command.TagSpecifications, NetworkInterfaceViews.ResourceType, eni.Id, quotas.TagsPerResource, cancellationToken);
            var names = groups.ToDictionary(g => g.Id, g => g.GroupName, StringComparer.Ordinal);
            return new Result(NetworkInterfaceViews.ToShape(new NetworkInterfaceViews.Row(eni, applied, names), status: "pending"), command.ClientToken);
        }, cancellationToken);

        /// <summary>The interface an earlier call with this token created; IdempotentParameterMismatch when it was for another subnet.</summary>
        private async Task<Result?> EarlierAsync(string id, Command command, CancellationToken cancellationToken)
        {
            if (!await db.NetworkInterfaces.AnyAsync(n => n.Id == id, cancellationToken)) return null;
            var earlier = await db.FindInterfaceAsync(id, cancellationToken);
            if (earlier.SubnetId != command.SubnetId) throw Ec2Errors.IdempotentParameterMismatch(command.ClientToken!);
            var groupIds = earlier.Groups.Select(g => g.GroupId).ToList();
            var names = await db.SecurityGroups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.GroupName, StringComparer.Ordinal, cancellationToken);
            var earlierTags = await tags.LoadAsync([id], cancellationToken);
            return new Result(NetworkInterfaceViews.ToShape(new NetworkInterfaceViews.Row(earlier, earlierTags(id), names)), command.ClientToken);
        }

        private async Task AddIpv4Async(NetworkInterface eni, Subnet subnet, Command command, CancellationToken cancellationToken)
        {
            var block = InterfaceQueries.Ipv4Block(subnet);
            var requested = command.RequestedAddresses().Select(a => block.RequireAssignable(a, subnet.Id)).Distinct(StringComparer.Ordinal).ToList();
            var automaticPrimary = command.RequestedPrimary() is null ? 1 : 0;
            var count = automaticPrimary + (command.SecondaryPrivateIpAddressCount ?? 0);
            if (requested.Count + count > InterfaceQueries.MaxAddressesPerInterface) throw Ec2Errors.PrivateIpAddressLimitExceeded(InterfaceQueries.MaxAddressesPerInterface);

            var used = await db.UsedIpv4Async(subnet.Id, cancellationToken);
            var taken = block.TakeIpv4(used, requested, count, subnet.Id);
            // The requested primary leads the list; an automatic primary is the first address picked after the requested ones.
            var primary = automaticPrimary == 1 ? taken[requested.Count] : taken[0];
            eni.PrivateIpAddresses.AddRange(taken.Select(a => new NetworkInterfacePrivateIp { NetworkInterfaceId = eni.Id, SubnetId = subnet.Id, Address = a, Primary = a == primary }));
        }

        private async Task AddIpv6Async(NetworkInterface eni, Subnet subnet, Command command, CancellationToken cancellationToken)
        {
            var explicitAddresses = command.RequestedIpv6();
            // "If your subnet has the AssignIpv6AddressOnCreation attribute set to true, you can specify 0 to override this setting."
            var count = command.Ipv6AddressCount ?? (explicitAddresses.Count == 0 && subnet.AssignIpv6AddressOnCreation ? 1 : 0);
            if (explicitAddresses.Count == 0 && count == 0) return;
            var block = InterfaceQueries.Ipv6Block(subnet);
            var requested = explicitAddresses.Select(a => block.RequireAssignable(a, subnet.Id)).Distinct(StringComparer.Ordinal).ToList();
            if (requested.Count > InterfaceQueries.MaxAddressesPerInterface) throw Ec2Errors.PrivateIpAddressLimitExceeded(InterfaceQueries.MaxAddressesPerInterface);
            var taken = block.TakeIpv6(await db.UsedIpv6Async(subnet.Id, cancellationToken), requested, count, subnet.Id);
            eni.Ipv6Addresses.AddRange(taken.Select(a => new NetworkInterfaceIpv6Address { NetworkInterfaceId = eni.Id, SubnetId = subnet.Id, Address = a }));
        }
    }
}
