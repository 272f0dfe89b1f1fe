using System.Text.Json;
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
/// Changes a cluster's resourcesVpcConfig. Endpoint access and public CIDRs alone are an <c>EndpointAccessUpdate</c>;
/// new subnets or security groups (possible since 2024) a <c>VpcConfigUpdate</c>: the control-plane interfaces move to
/// the new subnets, and carry the cluster security group plus the new groups. A request that changes nothing is
/// InvalidParameterException. The answer's update is <c>InProgress</c>; DescribeUpdate shows it <c>Successful</c>.
/// Other updates (logging, access, Auto Mode, ...) are not emulated.
/// https://docs.aws.amazon.com/eks/latest/APIReference/API_UpdateClusterConfig.html
/// </summary>
[AwsService("eks")]
public static class UpdateClusterConfig
{
    public sealed record Command : ICommand<Result>
    {
        public string? Name { get; init; }
        public VpcConfigRequest? ResourcesVpcConfig { get; init; }
        public string? ClientRequestToken { get; init; }
    }

    public sealed record Result(Update Update);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ResourcesVpcConfig).NotNull().WithAwsError((_, _) => EksErrors.InvalidParameter("ControlPlane supports only resourcesVpcConfig updates; the request has none."));
            RuleForEach(c => c.ResourcesVpcConfig!.PublicAccessCidrs).Must(EndpointRules.IsCidr).When(c => c.ResourcesVpcConfig?.PublicAccessCidrs is not null)
                .WithAwsError((_, cidr) => EksErrors.InvalidCidr(cidr));
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, ServiceResourceStore store, ServiceNetwork network, VpcBuilder builder,
        TagStore tags, RequestContext request, IIdGenerator ids) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var row = await EksClusters.FindAsync(store, command.Name!, cancellationToken);
            var doc = ServiceResourceStore.Read<ClusterDocument>(row);
            var config = command.ResourcesVpcConfig!;
            var publicAccess = config.EndpointPublicAccess ?? doc.EndpointPublicAccess;
            var privateAccess = config.EndpointPrivateAccess ?? doc.EndpointPrivateAccess;
            var cidrs = config.PublicAccessCidrs is { Count: > 0 } given ? given : doc.PublicAccessCidrs;
            if (!publicAccess && !privateAccess) throw EksErrors.NoEndpointAccess();
            var subnetsChange = config.SubnetIds is { } subnetIds && !subnetIds.SequenceEqual(doc.SubnetIds);
            var groupsChange = config.SecurityGroupIds is { } groupIds && !groupIds.SequenceEqual(doc.SecurityGroupIds);
            var endpointChange = publicAccess != doc.EndpointPublicAccess || privateAccess != doc.EndpointPrivateAccess || !cidrs.SequenceEqual(doc.PublicAccessCidrs);
            if (!subnetsChange && !groupsChange && !endpointChange) throw EksErrors.NoChange(privateAccess, publicAccess, cidrs);

            var parameters = new List<UpdateParam>();
            if (subnetsChange || groupsChange)
            {
                var eks = new EksNetwork(db, network, builder, tags, request, ids);
                var placement = await eks.ResolveAsync(config.SubnetIds ?? doc.SubnetIds, config.SecurityGroupIds ?? doc.SecurityGroupIds, row.VpcId, cancellationToken);
                var groups = await eks.InterfaceGroupsAsync(doc.ClusterSecurityGroupId, placement.Groups, cancellationToken);
                if (subnetsChange)
                {
                    await network.RemoveInterfacesAsync(row.Arn, cancellationToken);
                    await eks.AddInterfacesAsync(row.Arn, row.Name, placement.Subnets, groups, cancellationToken);
                    parameters.Add(new UpdateParam("Subnets", Json(placement.Subnets.Select(s => s.Id))));
                }
                else
                {
                    await network.SetGroupsAsync(row.Arn, groups, cancellationToken);
                }
                if (groupsChange) parameters.Add(new UpdateParam("SecurityGroups", Json(placement.Groups.Select(g => g.Id))));
                doc = doc with { SubnetIds = placement.Subnets.Select(s => s.Id).ToList(), SecurityGroupIds = placement.Groups.Select(g => g.Id).ToList() };
            }
            if (endpointChange)
            {
                parameters.Add(new UpdateParam("EndpointPublicAccess", publicAccess ? "true" : "false"));
                parameters.Add(new UpdateParam("EndpointPrivateAccess", privateAccess ? "true" : "false"));
                parameters.Add(new UpdateParam("PublicAccessCidrs", Json(cidrs)));
            }
            var update = new UpdateDocument(Guid.NewGuid().ToString(), subnetsChange || groupsChange ? "VpcConfigUpdate" : "EndpointAccessUpdate", parameters, store.Now);
            doc = doc with
            {
                EndpointPublicAccess = publicAccess, EndpointPrivateAccess = privateAccess, PublicAccessCidrs = cidrs.ToList(), Updates = [.. doc.Updates, update],
            };
            ServiceResourceStore.Write(row, doc);
            return new Result(EksClusters.ToUpdate(update, "InProgress"));
        }, cancellationToken);

        private static string Json(IEnumerable<string> values) => JsonSerializer.Serialize(values);
    }
}
