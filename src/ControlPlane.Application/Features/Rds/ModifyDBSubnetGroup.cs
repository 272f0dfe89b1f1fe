using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.Rds;

/// <summary>
/// Replaces a DB subnet group's subnets (and description). The new subnets follow CreateDBSubnetGroup's rules; a subnet
/// that holds a database's interface cannot leave the group (<c>SubnetAlreadyInUse</c>), and a group in use cannot move
/// to another VPC. https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ModifyDBSubnetGroup.html
/// </summary>
[AwsService("rds")]
public static class ModifyDBSubnetGroup
{
    public sealed record Command : ICommand<Result>
    {
        public string? DBSubnetGroupName { get; init; }
        public string? DBSubnetGroupDescription { get; init; }
        public IReadOnlyList<string>? SubnetIds { get; init; }
    }

    public sealed record Result(DBSubnetGroupShape DBSubnetGroup);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.SubnetIds).NotEmpty().WithAwsError((_, _) => RdsErrors.InvalidParameterValue("SubnetIds must name at least one subnet."));
        }
    }

    public sealed class Handler(ScopeWriter writer, ServiceResourceStore store, ServiceNetwork network) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var name = command.DBSubnetGroupName!.ToLowerInvariant();
            if (name == RdsNames.DefaultSubnetGroup) throw RdsErrors.DefaultSubnetGroupReadOnly();
            var row = await store.FindAsync(RdsNames.Service, RdsNames.SubnetGroupKind, name, cancellationToken) ?? throw RdsErrors.SubnetGroupNotFound(name);
            var subnets = await RdsSubnetGroupRules.SubnetsAsync(network, command.SubnetIds!, cancellationToken);
            var kept = subnets.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);

            var users = await RdsUsage.UsersOfSubnetGroupAsync(store, name, cancellationToken);
            if (users.Count > 0 && subnets[0].VpcId != row.VpcId) throw RdsErrors.SubnetGroupChangesVpc();
            var interfaces = await network.InterfacesOfAsync(users.Select(u => u.Arn).ToList(), cancellationToken);
            if (interfaces.SelectMany(g => g).FirstOrDefault(n => !kept.Contains(n.SubnetId)) is { } used) throw RdsErrors.SubnetInUse(used.SubnetId);

            var document = ServiceResourceStore.Read<DbSubnetGroupDocument>(row) with
            {
                SubnetIds = subnets.Select(s => s.Id).ToList(),
            };
            if (command.DBSubnetGroupDescription is { } description) document = document with { Description = description };
            ServiceResourceStore.Write(row, document);
            row.VpcId = subnets[0].VpcId;
            return new Result(RdsSubnetGroups.ToShape(new RdsSubnetGroups.Group(name, row.Arn, document.Description, subnets[0].VpcId, subnets, row)));
        }, cancellationToken);
    }
}
