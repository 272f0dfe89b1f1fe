using System.Globalization;
using ControlPlane.Application.Features.LoadBalancing;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using ControlPlane.Domain.Model;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.ClassicLoadBalancing;

/// <summary>
/// Creates a Classic Load Balancer in subnets of one VPC (one per Availability Zone), or, given only Availability
/// Zones, in the default subnets of the default VPC. No group named: the VPC's default group. One requester-managed
/// interface per subnet; an internet-facing one needs an internet gateway and gets a public address per interface.
/// Creating it again with the same listeners and subnets answers its DNS name, as AWS does.
/// https://docs.aws.amazon.com/elasticloadbalancing/2012-06-01/APIReference/API_CreateLoadBalancer.html
/// </summary>
[AwsService("elb")]
public static class CreateLoadBalancer
{
    public sealed record Command : ICommand<Result>
    {
        public string? LoadBalancerName { get; init; }
        public IReadOnlyList<Listener>? Listeners { get; init; }
        public IReadOnlyList<string>? AvailabilityZones { get; init; }
        public IReadOnlyList<string>? Subnets { get; init; }
        public IReadOnlyList<string>? SecurityGroups { get; init; }
        public string? Scheme { get; init; }
        public IReadOnlyList<Tag>? Tags { get; init; }
    }

    public sealed record Result(string DNSName);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.LoadBalancerName!).Must(n => LoadBalancing.CreateLoadBalancer.NamePattern().IsMatch(n)).When(c => c.LoadBalancerName is not null)
                .WithAwsError((_, n) => ClassicElbErrors.Validation(
                    $"LoadBalancerName '{n}' must be at most 32 alphanumeric characters or hyphens and must not begin or end with a hyphen"));
            RuleFor(c => c.Listeners).NotEmpty().WithAwsError((_, _) => ClassicElbErrors.Validation("At least one listener must be specified"));
            RuleForEach(c => c.Listeners).Must(l => l.Protocol is { } p && ClassicLoadBalancers.Protocols.Contains(p.ToUpperInvariant())
                    && (l.InstanceProtocol is null || ClassicLoadBalancers.Protocols.Contains(l.InstanceProtocol.ToUpperInvariant())))
                .WithAwsError((_, l) => ClassicElbErrors.Validation($"Listener protocol '{l.Protocol}' is not valid; use HTTP, HTTPS, TCP or SSL"));
            RuleForEach(c => c.Listeners).Must(l => l.LoadBalancerPort is >= 1 and <= 65535 && l.InstancePort is >= 1 and <= 65535)
                .WithAwsError((_, _) => ClassicElbErrors.Validation("Listener ports must be between 1 and 65535"));
            RuleForEach(c => c.Listeners).Must(l => l.Protocol?.ToUpperInvariant() is not ("HTTPS" or "SSL") || l.SSLCertificateId is not null)
                .WithAwsError((_, _) => ClassicElbErrors.CertificateRequired());
            RuleFor(c => c.Listeners).Must(l => l!.Select(x => x.LoadBalancerPort).Distinct().Count() == l!.Count).When(c => c.Listeners is not null)
                .WithAwsError((_, _) => ClassicElbErrors.DuplicateListener());
            RuleFor(c => c.Scheme).Must(s => s is null or LoadBalancers.InternetFacing or LoadBalancers.Internal)
                .WithAwsError((_, s) => ClassicElbErrors.InvalidScheme(s!));
            RuleFor(c => c).Must(c => c.Subnets is { Count: > 0 } || c.AvailabilityZones is { Count: > 0 })
                .WithAwsError((_, _) => ClassicElbErrors.Validation("Either AvailabilityZones or Subnets must be specified"));
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, ServiceResourceStore store, ServiceNetwork network, IIdGenerator ids)
        : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var name = command.LoadBalancerName!;
            var scheme = command.Scheme ?? LoadBalancers.InternetFacing;
            var subnetIds = command.Subnets is { Count: > 0 } named ? named : await DefaultSubnetsAsync(command.AvailabilityZones!, cancellationToken);
            var subnets = await ClassicLoadBalancers.SubnetsAsync(network, subnetIds, null, [], cancellationToken);
            var vpcId = subnets[0].VpcId;
            IReadOnlyList<SecurityGroup> groups = command.SecurityGroups is { Count: > 0 } wanted
                ? await network.GroupsAsync(wanted, vpcId, ClassicElbErrors.SecurityGroupNotFound, ClassicElbErrors.SecurityGroupOtherVpc, cancellationToken)
                : [await network.DefaultGroupAsync(vpcId, cancellationToken)];
            var listeners = command.Listeners!.Select(l => new ClassicListenerDocument(l.Protocol!.ToUpperInvariant(), l.LoadBalancerPort!.Value,
                (l.InstanceProtocol ?? InstanceProtocolFor(l.Protocol!)).ToUpperInvariant(), l.InstancePort!.Value, l.SSLCertificateId)).ToList();

            if (await store.FindAsync(ClassicLoadBalancers.Service, ClassicLoadBalancers.Kind, name, cancellationToken) is { } existing)
            {
                var earlier = ServiceResourceStore.Read<ClassicLoadBalancerDocument>(existing);
                var same = earlier.Scheme == scheme && earlier.Listeners.SequenceEqual(listeners) && earlier.SubnetIds.Order().SequenceEqual(subnets.Select(s => s.Id).Order());
                return same ? new Result(earlier.DnsName) : throw ClassicElbErrors.DuplicateLoadBalancerName(name);
            }
            if (scheme == LoadBalancers.InternetFacing) await LoadBalancers.RequireInternetGatewayAsync(db, vpcId, cancellationToken);

            var tags = new List<ClassicTagDocument>();
            foreach (var tag in command.Tags ?? [])
            {
                if (string.IsNullOrEmpty(tag.Key)) throw ClassicElbErrors.Validation("A tag key must be specified");
                if (tags.Any(t => t.Key == tag.Key)) throw ClassicElbErrors.DuplicateTagKeys(tag.Key);
                tags.Add(new ClassicTagDocument(tag.Key, tag.Value ?? ""));
            }
            if (tags.Count > 10) throw ClassicElbErrors.TooManyTags();

            var digits = (ulong.Parse(LoadBalancers.NewHexId(ids), NumberStyles.HexNumber, CultureInfo.InvariantCulture) % 9_000_000_000UL + 1_000_000_000UL)
                .ToString(CultureInfo.InvariantCulture);
            var document = new ClassicLoadBalancerDocument
            {
                Scheme = scheme, DnsName = $"{(scheme == LoadBalancers.Internal ? "internal-" : "")}{name}-{digits}.{store.Region}.elb.amazonaws.com",
                CanonicalHostedZoneNameId = LoadBalancers.ClassicHostedZone(store.Region), Listeners = listeners,
                SubnetIds = subnets.Select(s => s.Id).ToList(), SecurityGroupIds = groups.Select(g => g.Id).ToList(),
                HealthCheck = new HealthCheck($"TCP:{listeners[0].InstancePort}", 30, 5, 2, 10), Tags = tags,
            };
            var arn = ClassicLoadBalancers.Arn(store, name);
            store.Add(ClassicLoadBalancers.Service, ClassicLoadBalancers.Kind, name, arn, document, vpcId: vpcId, state: "active");
            await ClassicLoadBalancers.AddInterfacesAsync(network, arn, name, document, subnets, groups, cancellationToken);
            return new Result(document.DnsName);
        }, cancellationToken);

        /// <summary>Front-end HTTP(S) talks HTTP to the instances, TCP/SSL talk TCP, unless the listener says otherwise.</summary>
        private static string InstanceProtocolFor(string protocol) => protocol.ToUpperInvariant() is "HTTP" or "HTTPS" ? "HTTP" : "TCP";

        /// <summary>Availability Zones alone place the load balancer in the default VPC's default subnets of those zones.</summary>
        private async Task<IReadOnlyList<string>> DefaultSubnetsAsync(IReadOnlyList<string> zones, CancellationToken cancellationToken)
        {
            var subnets = await db.Subnets.AsNoTracking().Where(s => s.DefaultForAz && zones.Contains(s.AvailabilityZone)).Select(s => s.Id).ToListAsync(cancellationToken);
            return subnets.Count > 0 ? subnets : throw ClassicElbErrors.Validation("There is no default subnet in the Availability Zones specified; specify Subnets");
        }
    }
}
