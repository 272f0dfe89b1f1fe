using ControlPlane.Application.Features.NetworkInterfaces;
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

namespace ControlPlane.Application.Features.VpcEndpoints;

/// <summary>
/// Creates a VPC endpoint to an AWS service (default type Gateway). An Interface endpoint places a requester-managed
/// <c>vpc_endpoint</c> interface in each subnet given (one subnet per zone), carrying the groups given or the VPC's
/// default group; a Gateway endpoint adds a route from the service's AWS-managed prefix list to the endpoint in each
/// route table given. The endpoint is <c>available</c> at once. Unknown services are InvalidServiceName.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpcEndpoint.html
/// </summary>
public static class CreateVpcEndpoint
{
    public sealed record Command : ICommand<Result>, IDryRunnable, ITagged
    {
        public string? ClientToken { get; init; }
        public string? IpAddressType { get; init; }
        public string? PolicyDocument { get; init; }
        public bool? PrivateDnsEnabled { get; init; }
        public IReadOnlyList<string>? RouteTableIds { get; init; }
        public IReadOnlyList<string>? SecurityGroupIds { get; init; }
        public string? ServiceName { get; init; }
        public IReadOnlyList<string>? SubnetIds { get; init; }
        public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
        public string? VpcEndpointType { get; init; }
        public string? VpcId { get; init; }
        public bool? DryRun { get; init; }

        public string Type => VpcEndpointType ?? VpcEndpointServices.Gateway;
    }

    public sealed record Result(string? ClientToken, VpcEndpointShape VpcEndpoint);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.VpcId).NotNull().WithAwsError((_, _) => Ec2Errors.MissingParameter("VpcId"));
            RuleFor(c => c.VpcId!).Must(id => ResourceIds.IsWellFormed(id, ResourceIds.Vpc)).When(c => c.VpcId is not null)
                .WithAwsError((_, id) => Ec2Errors.VpcIdMalformed(id));
            RuleFor(c => c.ServiceName).NotNull().WithAwsError((_, _) => Ec2Errors.MissingParameter("ServiceName"));
            RuleFor(c => c.VpcEndpointType)
                .Must(t => t is null or VpcEndpointServices.Interface or VpcEndpointServices.Gateway or VpcEndpointServices.GatewayLoadBalancer)
                .WithAwsError((_, t) => Ec2Errors.InvalidEndpointType(t!));
            RuleFor(c => c.IpAddressType).Must(t => t is null or "ipv4").WithAwsError((_, t) => Ec2Errors.InvalidParameterValue(t!, "ipAddressType"));
            RuleFor(c => c.SubnetIds).Empty().When(c => c.Type != VpcEndpointServices.Interface)
                .WithAwsError((c, _) => Ec2Errors.EndpointParameterForOtherType("SubnetId", c.Type));
            RuleFor(c => c.SecurityGroupIds).Empty().When(c => c.Type != VpcEndpointServices.Interface)
                .WithAwsError((c, _) => Ec2Errors.EndpointParameterForOtherType("SecurityGroupId", c.Type));
            RuleFor(c => c.RouteTableIds).Empty().When(c => c.Type != VpcEndpointServices.Gateway)
                .WithAwsError((c, _) => Ec2Errors.EndpointParameterForOtherType("RouteTableId", c.Type));
            RuleForEach(c => c.SubnetIds).Must(id => ResourceIds.IsWellFormed(id, ResourceIds.Subnet)).WithAwsError((_, id) => Ec2Errors.SubnetIdMalformed(id));
            RuleForEach(c => c.RouteTableIds).Must(id => ResourceIds.IsWellFormed(id, ResourceIds.RouteTable))
                .WithAwsError((_, id) => Ec2Errors.RouteTableIdMalformed(id));
            this.ValidGroupIds(c => c.SecurityGroupIds);
            RuleFor(c => c.ClientToken!).Must(ClientTokenIds.IsValid).When(c => c.ClientToken is not null)
                .WithAwsError((_, t) => Ec2Errors.InvalidClientToken(t));
            this.ValidTagSpecifications(VpcEndpointViews.ResourceType);
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, TagStore tags, RequestContext request, IIdGenerator ids,
        IOptions<ControlPlaneOptions> options, TimeProvider clock) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var quotas = options.Value.Quotas;
            var vpcId = command.VpcId!;
            var id = command.ClientToken is { } token ? ClientTokenIds.Derive(VpcEndpointViews.IdPrefix, request, token) : ids.NewId(VpcEndpointViews.IdPrefix);
            if (command.ClientToken is not null
                && await db.VpcEndpoints.AsNoTracking().WithParts().FirstOrDefaultAsync(e => e.Id == id, cancellationToken) is { } earlier)
            {
                if (earlier.VpcId != vpcId || earlier.ServiceName != command.ServiceName) throw Ec2Errors.IdempotentParameterMismatch(command.ClientToken);
                return new Result(command.ClientToken, await ShapeAsync(earlier, cancellationToken));
            }

            var service = VpcEndpointServices.ShortName(request.Region, command.ServiceName!) ?? throw Ec2Errors.InvalidServiceName(command.ServiceName!);
            if (!VpcEndpointServices.Supports(service, command.Type)) throw Ec2Errors.EndpointTypeNotSupported(command.ServiceName!, command.Type);
            if (!await db.Vpcs.AnyAsync(v => v.Id == vpcId, cancellationToken)) throw Ec2Errors.VpcNotFound(vpcId);
            if (await db.VpcEndpoints.CountAsync(e => e.VpcId == vpcId, cancellationToken) >= quotas.VpcEndpointsPerVpc) throw Ec2Errors.VpcEndpointLimitExceeded(vpcId);

            var endpoint = new VpcEndpoint
            {
                AccountId = request.AccountId, Region = request.Region, Id = id, VpcId = vpcId, ServiceName = command.ServiceName!,
                VpcEndpointType = command.Type, PolicyDocument = command.PolicyDocument ?? VpcEndpointServices.DefaultPolicy,
                PrivateDnsEnabled = command.PrivateDnsEnabled ?? command.Type == VpcEndpointServices.Interface, CreationTimestamp = clock.GetUtcNow(),
            };
            if (command.Type == VpcEndpointServices.Interface)
            {
                var subnets = command.SubnetIds ?? [];
                var groups = await db.ResolveInterfaceGroupsAsync(command.SecurityGroupIds, vpcId, subnets.FirstOrDefault() ?? "", quotas.SecurityGroupsPerInterface, cancellationToken);
                await VpcEndpointParts.AddSubnetsAsync(db, ids, request, options.Value, endpoint, subnets, groups, endpoint.CreationTimestamp, cancellationToken);
            }
            else
            {
                await VpcEndpointParts.AddRouteTablesAsync(db, request, options.Value, endpoint, command.RouteTableIds ?? [], cancellationToken);
            }
            db.VpcEndpoints.Add(endpoint);
            await tags.ApplyAsync(command.TagSpecifications, VpcEndpointViews.ResourceType, id, quotas.TagsPerResource, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return new Result(command.ClientToken, await ShapeAsync(endpoint, cancellationToken));
        }, cancellationToken);

        private async Task<VpcEndpointShape> ShapeAsync(VpcEndpoint endpoint, CancellationToken cancellationToken)
        {
            var tagsOf = await tags.LoadAsync([endpoint.Id], cancellationToken);
            return VpcEndpointViews.ToShape((await VpcEndpointViews.RowsAsync(db, tagsOf, [endpoint], cancellationToken))[0]);
        }
    }
}
