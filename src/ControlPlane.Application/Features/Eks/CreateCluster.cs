using System.Net;
using ControlPlane.Application.Features.Vpcs;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using FluentValidation;

namespace ControlPlane.Application.Features.Eks;

/// <summary>
/// Creates a cluster's control plane in a VPC: checks the subnets (at least two zones) and groups, creates the cluster
/// security group and the two control-plane interfaces, and gives the cluster an endpoint and certificate. The answer
/// shows <c>CREATING</c>; DescribeCluster shows <c>ACTIVE</c>. Node groups, add-ons, encryption, logging, Auto Mode and
/// Outposts are not emulated; their settings are accepted and not shown.
/// https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateCluster.html
/// </summary>
[AwsService("eks")]
public static class CreateCluster
{
    public sealed record Command : ICommand<Result>
    {
        public string? Name { get; init; }
        public string? Version { get; init; }
        public string? RoleArn { get; init; }
        public VpcConfigRequest? ResourcesVpcConfig { get; init; }
        public IReadOnlyDictionary<string, string>? Tags { get; init; }
        public string? ClientRequestToken { get; init; }
    }

    public sealed record Result(Cluster Cluster);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name ?? "").Must(n => EksClusters.ClusterName().IsMatch(n)).WithAwsError((_, n) => EksErrors.InvalidName(n));
            RuleFor(c => c.RoleArn).NotEmpty().WithAwsError((_, _) => EksErrors.MissingMember("roleArn"));
            RuleFor(c => c.ResourcesVpcConfig).NotNull().WithAwsError((_, _) => EksErrors.MissingMember("resourcesVpcConfig"));
            RuleFor(c => c.ResourcesVpcConfig).Must(EndpointRules.HasAccess).WithAwsError((_, _) => EksErrors.NoEndpointAccess());
            RuleForEach(c => c.ResourcesVpcConfig!.PublicAccessCidrs).Must(EndpointRules.IsCidr).When(c => c.ResourcesVpcConfig?.PublicAccessCidrs is not null)
                .WithAwsError((_, cidr) => EksErrors.InvalidCidr(cidr));
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, ServiceResourceStore store, ServiceNetwork network, VpcBuilder builder,
        TagStore tags, RequestContext request, IIdGenerator ids) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var name = command.Name!;
            if (await store.FindAsync(EksClusters.Service, EksClusters.Kind, name, cancellationToken) is not null) throw EksErrors.ClusterExists(name);
            var config = command.ResourcesVpcConfig!;
            var eks = new EksNetwork(db, network, builder, tags, request, ids);
            var placement = await eks.ResolveAsync(config.SubnetIds ?? [], config.SecurityGroupIds ?? [], null, cancellationToken);
            var clusterGroup = await eks.CreateClusterGroupAsync(name, placement.VpcId, cancellationToken);
            var arn = EksClusters.ClusterArn(store, name);
            await eks.AddInterfacesAsync(arn, name, placement.Subnets, [clusterGroup, .. placement.Groups], cancellationToken);

            var vpcCidr = (await network.VpcAsync(placement.VpcId, cancellationToken))!.CidrBlock;
            var (endpoint, issuer) = EksClusters.NewEndpoints(store.Region);
            var doc = new ClusterDocument
            {
                RoleArn = command.RoleArn!, Version = command.Version ?? EksClusters.DefaultVersion, PlatformVersion = "eks.1", Endpoint = endpoint,
                CertificateData = EksClusters.NewCertificate(), OidcIssuer = issuer, ServiceIpv4Cidr = ServiceCidr(vpcCidr),
                SubnetIds = placement.Subnets.Select(s => s.Id).ToList(), SecurityGroupIds = placement.Groups.Select(g => g.Id).ToList(),
                ClusterSecurityGroupId = clusterGroup.Id, EndpointPublicAccess = config.EndpointPublicAccess ?? true,
                EndpointPrivateAccess = config.EndpointPrivateAccess ?? false, PublicAccessCidrs = config.PublicAccessCidrs is { Count: > 0 } cidrs ? cidrs : ["0.0.0.0/0"],
                ClientRequestToken = command.ClientRequestToken, Tags = command.Tags ?? new Dictionary<string, string>(),
            };
            var row = store.Add(EksClusters.Service, EksClusters.Kind, name, arn, doc, vpcId: placement.VpcId, state: "ACTIVE");
            return new Result(EksClusters.ToCluster(row, doc, "CREATING"));
        }, cancellationToken);

        /// <summary>
        /// Kubernetes service addresses come from 10.100.0.0/16, or 172.20.0.0/16 when the VPC is in 10.0.0.0/8
        /// ("If you don't specify a block, Kubernetes assigns addresses from either the 10.100.0.0/16 or 172.20.0.0/16").
        /// https://docs.aws.amazon.com/eks/latest/APIReference/API_KubernetesNetworkConfigRequest.html
        /// </summary>
        private static string ServiceCidr(string vpcCidr) =>
            IPNetwork.Parse("10.0.0.0/8").Contains(IPNetwork.Parse(vpcCidr).BaseAddress) ? "172.20.0.0/16" : "10.100.0.0/16";
    }
}
