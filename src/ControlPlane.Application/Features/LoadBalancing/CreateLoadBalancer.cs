using System.Text.RegularExpressions;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using ControlPlane.Domain.Model;
using FluentValidation;

namespace ControlPlane.Application.Features.LoadBalancing;

/// <summary>
/// Creates an Application, Network or Gateway Load Balancer in subnets of one VPC, with one requester-managed interface
/// per subnet (reference §5). An ALB needs subnets in two Availability Zones and gets the VPC's default group when none
/// is named; an NLB has groups only if created with them; a GWLB has none. Internet-facing load balancers need an
/// internet gateway on the VPC and get a public address per interface. The answer shows <c>provisioning</c>; Describe
/// shows <c>active</c>. Creating one again with the same settings answers the existing load balancer, as AWS does.
/// Customer-owned pools, IPAM pools and IPv6 addresses are not supported.
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html
/// </summary>
[AwsService("elbv2")]
public static partial class CreateLoadBalancer
{
    public sealed record Command : ICommand<Result>
    {
        public string? Name { get; init; }
        public IReadOnlyList<string>? Subnets { get; init; }
        public IReadOnlyList<SubnetMapping>? SubnetMappings { get; init; }
        public IReadOnlyList<string>? SecurityGroups { get; init; }
        public string? Scheme { get; init; }
        public IReadOnlyList<ResourceTag>? Tags { get; init; }
        public string? Type { get; init; }
        public string? IpAddressType { get; init; }
        public string? CustomerOwnedIpv4Pool { get; init; }
        public string? EnablePrefixForIpv6SourceNat { get; init; }

        public string LoadBalancerType => Type ?? LoadBalancers.Application;
        // A GWLB has no scheme to choose: it is reachable only through endpoints in the VPC, and shows itself internal.
        public string SchemeOrDefault => Scheme ?? (LoadBalancerType == LoadBalancers.Gateway ? LoadBalancers.Internal : LoadBalancers.InternetFacing);

        public IReadOnlyList<string> SubnetIds() =>
            SubnetMappings is { Count: > 0 } mappings ? mappings.Select(m => m.SubnetId ?? "").ToList() : Subnets ?? [];
    }

    public sealed record Result(IReadOnlyList<LoadBalancer> LoadBalancers);

    [GeneratedRegex("^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,30}[a-zA-Z0-9])?$")]
    public static partial Regex NamePattern();

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name!).Must(n => NamePattern().IsMatch(n) && !n.StartsWith("internal-", StringComparison.Ordinal)).When(c => c.Name is not null)
                .WithAwsError((_, n) => ElbErrors.Validation(
                    $"Load balancer name '{n}' must be at most 32 alphanumeric characters or hyphens, must not begin or end with a hyphen and must not begin with 'internal-'"));
            RuleFor(c => c.Type).Must(t => t is null or LoadBalancers.Application or LoadBalancers.Network or LoadBalancers.Gateway)
                .WithAwsError((_, t) => ElbErrors.Validation($"Load balancer type '{t}' is not valid"));
            RuleFor(c => c.Scheme).Must(s => s is null or LoadBalancers.InternetFacing or LoadBalancers.Internal)
                .WithAwsError((_, s) => ElbErrors.InvalidScheme(s!));
            RuleFor(c => c.IpAddressType).Must(t => t is null or "ipv4" or "dualstack")
                .WithAwsError((_, t) => ElbErrors.Validation($"IP address type '{t}' is not supported by ControlPlane; use 'ipv4' or 'dualstack'"));
            RuleFor(c => c.CustomerOwnedIpv4Pool).Null().WithAwsError((_, _) => ElbErrors.Validation("Customer-owned IPv4 pools are not supported by ControlPlane"));
            RuleFor(c => c).Must(c => !(c.Subnets is { Count: > 0 } && c.SubnetMappings is { Count: > 0 }))
                .WithAwsError((_, _) => ElbErrors.Validation("You can specify subnets or subnet mappings, but not both"));
            RuleFor(c => c.SubnetIds()).NotEmpty().WithAwsError((_, _) => ElbErrors.Validation("At least one subnet must be specified"));
            RuleFor(c => c.SubnetMappings).Must(m => m!.All(x => x.SubnetId is not null)).When(c => c.SubnetMappings is not null)
                .WithAwsError((_, _) => ElbErrors.Validation("A subnet ID must be specified in every subnet mapping"));
            RuleFor(c => c.SubnetMappings).Must(m => m!.All(x => x.IPv6Address is null && x.SourceNatIpv6Prefix is null)).When(c => c.SubnetMappings is not null)
                .WithAwsError((_, _) => ElbErrors.Validation("IPv6 subnet mappings are not supported by ControlPlane"));
            RuleFor(c => c.SubnetMappings).Must(m => m!.All(x => x.AllocationId is null && x.PrivateIPv4Address is null))
                .When(c => c.SubnetMappings is not null && c.LoadBalancerType != LoadBalancers.Network)
                .WithAwsError((_, _) => ElbErrors.InvalidConfiguration("Elastic IP addresses and private IPv4 addresses can be specified only for Network Load Balancers"));
            RuleFor(c => c.SubnetMappings).Must(m => m!.All(x => x.AllocationId is null)).When(c => c.SubnetMappings is not null && c.Scheme == LoadBalancers.Internal)
                .WithAwsError((_, _) => ElbErrors.InvalidConfiguration("Elastic IP addresses cannot be specified for an internal load balancer"));
            RuleFor(c => c.Scheme).Null().When(c => c.Type == LoadBalancers.Gateway)
                .WithAwsError((_, _) => ElbErrors.Validation("A scheme cannot be specified for a Gateway Load Balancer"));
            RuleFor(c => c.SecurityGroups).Empty().When(c => c.Type == LoadBalancers.Gateway)
                .WithAwsError((_, _) => ElbErrors.SecurityGroupsNotSupported(LoadBalancers.Gateway));
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, ServiceResourceStore store, ServiceNetwork network, IIdGenerator ids)
        : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var name = command.Name!;
            var type = command.LoadBalancerType;
            var subnets = await network.SubnetsAsync(command.SubnetIds(), ElbErrors.SubnetNotFound, ElbErrors.SubnetsInDifferentVpcs, cancellationToken);
            var vpcId = subnets[0].VpcId;
            IReadOnlyList<SecurityGroup> groups = command.SecurityGroups is { Count: > 0 } named
                ? await network.GroupsAsync(named, vpcId, ElbErrors.SecurityGroupNotFound, ElbErrors.SecurityGroupOtherVpc, cancellationToken)
                : type == LoadBalancers.Application ? [await network.DefaultGroupAsync(vpcId, cancellationToken)] : [];

            if (await store.FindAsync(LoadBalancers.Service, LoadBalancers.Kind, name, cancellationToken) is { } existing)
            {
                var earlier = ServiceResourceStore.Read<LoadBalancerDocument>(existing);
                var same = earlier.Type == type && earlier.Scheme == command.SchemeOrDefault
                    && earlier.SubnetIds.Order().SequenceEqual(subnets.Select(s => s.Id).Order())
                    && earlier.SecurityGroupIds.Order().SequenceEqual(groups.Select(g => g.Id).Order());
                if (!same) throw ElbErrors.DuplicateLoadBalancerName(name);
                return new Result(await LoadBalancers.ToShapesAsync(db, network, [existing], cancellationToken));
            }

            CheckZones(type, subnets);
            if (command.SchemeOrDefault == LoadBalancers.InternetFacing) await LoadBalancers.RequireInternetGatewayAsync(db, vpcId, cancellationToken);
            var tags = LoadBalancingTags.FromRequest(command.Tags);

            var id = LoadBalancers.NewHexId(ids);
            var arn = LoadBalancers.Arn(store, type, name, id);
            var document = new LoadBalancerDocument
            {
                Type = type, Scheme = command.SchemeOrDefault, IpAddressType = command.IpAddressType ?? "ipv4",
                DnsName = LoadBalancers.DnsName(type, command.SchemeOrDefault, name, id, store.Region),
                CanonicalHostedZoneId = LoadBalancers.HostedZone(store.Region, type), LoadBalancerId = id,
                SubnetIds = subnets.Select(s => s.Id).ToList(), SecurityGroupIds = groups.Select(g => g.Id).ToList(),
                CreatedWithSecurityGroups = groups.Count > 0, Attributes = LoadBalancers.DefaultAttributes(type), Tags = tags,
            };
            var row = store.Add(LoadBalancers.Service, LoadBalancers.Kind, name, arn, document, vpcId: vpcId, state: "active");
            var mappings = (command.SubnetMappings ?? []).ToDictionary(m => m.SubnetId!, StringComparer.Ordinal);
            await LoadBalancers.AddInterfacesAsync(db, network, ids, arn, document, name, subnets, groups, mappings, cancellationToken);
            var interfaces = db.NetworkInterfaces.Local.Where(n => n.ManagedByResourceId == arn).ToList();
            var zones = subnets.ToDictionary(s => s.Id, s => s.AvailabilityZone);
            return new Result([LoadBalancers.ToShape(row, document, zones, interfaces, state: "provisioning")]);
        }, cancellationToken);

        /// <summary>One subnet per Availability Zone; an ALB needs two zones.</summary>
        public static void CheckZones(string type, IReadOnlyList<Subnet> subnets)
        {
            if (subnets.GroupBy(s => s.AvailabilityZone).FirstOrDefault(g => g.Count() > 1) is { } shared) throw ElbErrors.OneSubnetPerZone(shared.Key);
            if (type == LoadBalancers.Application && subnets.Count < 2) throw ElbErrors.TwoZonesRequired();
        }
    }
}
