using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.Rds;

/// <summary>
/// Creates a DB subnet group: subnets of one VPC covering at least two availability zones. The name is stored in lower
/// case, as RDS does, and may not be <c>default</c> (the default VPC's group, which AWS provides).
/// https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBSubnetGroup.html
/// </summary>
[AwsService("rds")]
public static class CreateDBSubnetGroup
{
    public sealed record Command : ICommand<Result>
    {
        public string? DBSubnetGroupName { get; init; }
        public string? DBSubnetGroupDescription { get; init; }
        public IReadOnlyList<string>? SubnetIds { get; init; }
        public IReadOnlyList<Tag>? Tags { get; init; }
    }

    public sealed record Result(DBSubnetGroupShape DBSubnetGroup);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DBSubnetGroupName).Must(n => RdsNames.IsValidSubnetGroupName(n) && !string.Equals(n, RdsNames.DefaultSubnetGroup, StringComparison.OrdinalIgnoreCase))
                .WithAwsError((_, n) => RdsErrors.SubnetGroupNameInvalid(n ?? ""));
            RuleFor(c => c.SubnetIds).NotEmpty().WithAwsError((_, _) => RdsErrors.InvalidParameterValue("SubnetIds must name at least one subnet."));
        }
    }

    public sealed class Handler(ScopeWriter writer, ServiceResourceStore store, ServiceNetwork network) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var name = command.DBSubnetGroupName!.ToLowerInvariant();
            if (await store.FindAsync(RdsNames.Service, RdsNames.SubnetGroupKind, name, cancellationToken) is not null)
                throw RdsErrors.SubnetGroupAlreadyExists(name);
            var subnets = await RdsSubnetGroupRules.SubnetsAsync(network, command.SubnetIds!, cancellationToken);
            var document = new DbSubnetGroupDocument
            {
                Description = command.DBSubnetGroupDescription ?? "", SubnetIds = subnets.Select(s => s.Id).ToList(), Tags = command.Tags ?? [],
            };
            var arn = store.Arn(RdsNames.Service, $"{RdsNames.SubnetGroupKind}:{name}");
            var row = store.Add(RdsNames.Service, RdsNames.SubnetGroupKind, name, arn, document, vpcId: subnets[0].VpcId, state: "Complete");
            return new Result(RdsSubnetGroups.ToShape(new RdsSubnetGroups.Group(name, arn, document.Description, subnets[0].VpcId, subnets, row)));
        }, cancellationToken);
    }
}
