using ControlPlane.Application.Features.Rds;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.Redshift;

/// <summary>
/// Creates a cluster subnet group: existing subnets of one VPC. The name is stored in lower case and may not be
/// <c>default</c>. https://docs.aws.amazon.com/redshift/latest/APIReference/API_CreateClusterSubnetGroup.html
/// </summary>
[AwsService("redshift")]
public static class CreateClusterSubnetGroup
{
    public sealed record Command : ICommand<Result>
    {
        public string? ClusterSubnetGroupName { get; init; }
        public string? Description { get; init; }
        public IReadOnlyList<string>? SubnetIds { get; init; }
        public IReadOnlyList<Tag>? Tags { get; init; }
    }

    public sealed record Result(ClusterSubnetGroupShape ClusterSubnetGroup);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ClusterSubnetGroupName).Must(n => RdsNames.IsValidSubnetGroupName(n) && !string.Equals(n, RedshiftViews.DefaultSubnetGroup, StringComparison.OrdinalIgnoreCase))
                .WithAwsError((_, n) => RedshiftErrors.InvalidParameterValue($"Invalid cluster subnet group name: '{n}'. It must contain only letters, digits, "
                    + "periods, underscores, spaces and hyphens, and must not be default."));
            RuleFor(c => c.SubnetIds).NotEmpty().WithAwsError((_, _) => RedshiftErrors.InvalidParameterValue("SubnetIds must name at least one subnet."));
        }
    }

    public sealed class Handler(ScopeWriter writer, ServiceResourceStore store, ServiceNetwork network) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var name = command.ClusterSubnetGroupName!.ToLowerInvariant();
            if (await store.FindAsync(RedshiftViews.Service, RedshiftViews.SubnetGroupKind, name, cancellationToken) is not null)
                throw RedshiftErrors.SubnetGroupAlreadyExists(name);
            var subnets = await network.SubnetsAsync(command.SubnetIds!, RedshiftErrors.InvalidSubnet, RedshiftErrors.SubnetsInDifferentVpcs, cancellationToken);
            var document = new ClusterSubnetGroupDocument
            {
                Description = command.Description ?? "", SubnetIds = subnets.Select(s => s.Id).ToList(), Tags = command.Tags ?? [],
            };
            var row = store.Add(RedshiftViews.Service, RedshiftViews.SubnetGroupKind, name, store.Arn(RedshiftViews.Service, $"subnetgroup:{name}"), document,
                vpcId: subnets[0].VpcId, state: "Complete");
            return new Result(RedshiftViews.ToShape(new RedshiftViews.Group(name, document.Description, subnets[0].VpcId, subnets, row)));
        }, cancellationToken);
    }
}
