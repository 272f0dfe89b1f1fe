using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.NetworkAcls;
using FluentValidation;

namespace ControlPlane.Application.Features.NetworkAcls;

/// <summary>
/// Removes the entry with the given number and direction. The <c>*</c> rules (32767, 32768) lie outside the numbers
/// an entry can have, so they can never be removed.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteNetworkAclEntry.html
/// </summary>
public static class DeleteNetworkAclEntry
{
    public sealed record Command : ICommand<Empty>, IDryRunnable
    {
        public string? NetworkAclId { get; init; }
        public int? RuleNumber { get; init; }
        public bool? Egress { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.NetworkAclId).Must(id => NetworkAclQueries.NetworkAclIdProblem(id) is null)
                .WithAwsError((_, id) => NetworkAclQueries.NetworkAclIdProblem(id)!);
            RuleFor(c => c.RuleNumber).NotNull().WithAwsError((_, _) => Ec2Errors.MissingParameter("ruleNumber"));
            RuleFor(c => c.RuleNumber!.Value).Must(NetworkAclEntrySpec.IsValidRuleNumber).When(c => c.RuleNumber is not null)
                .WithAwsError((_, n) => Ec2Errors.InvalidNetworkAclRuleNumber(n));
            RuleFor(c => c.Egress).NotNull().WithAwsError((_, _) => Ec2Errors.MissingParameter("egress"));
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var acl = await db.FindNetworkAclAsync(command.NetworkAclId!, cancellationToken);
            var (number, egress) = (command.RuleNumber!.Value, command.Egress!.Value);
            var entry = acl.Entries.FirstOrDefault(e => e.Egress == egress && e.RuleNumber == number) ?? throw Ec2Errors.NetworkAclEntryNotFound(number, egress);
            db.NetworkAclEntries.Remove(entry);
            return Empty.Instance;
        }, cancellationToken);
    }
}
