using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace ControlPlane.Application.Features.NetworkAcls;

/// <summary>
/// Overwrites the entry with the given number and direction with the one stated (entries are otherwise immutable).
/// The entry must exist (InvalidNetworkAclEntry.NotFound); moving it to the other address family counts against that
/// family's quota.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ReplaceNetworkAclEntry.html
/// </summary>
public static class ReplaceNetworkAclEntry
{
    public sealed record Command : ICommand<Empty>, IDryRunnable, INetworkAclEntryRequest
    {
        public string? NetworkAclId { get; init; }
        public int? RuleNumber { get; init; }
        public string? Protocol { get; init; }
        public string? RuleAction { get; init; }
        public bool? Egress { get; init; }
        public string? CidrBlock { get; init; }
        public string? Ipv6CidrBlock { get; init; }
        public IcmpTypeCode? IcmpTypeCode { get; init; }
        public PortRange? PortRange { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => this.ValidEntryRequest();
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, IOptions<ControlPlaneOptions> options) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var acl = await db.FindNetworkAclAsync(command.NetworkAclId!, cancellationToken);
            var spec = command.Spec();
            var entry = acl.Entries.FirstOrDefault(e => e.Egress == spec.Egress && e.RuleNumber == spec.RuleNumber)
                ?? throw Ec2Errors.NetworkAclEntryNotFound(spec.RuleNumber, spec.Egress);
            if (!spec.FitsBeside(acl.Entries, options.Value.Quotas.NetworkAclEntriesPerDirection)) throw Ec2Errors.NetworkAclEntryLimitExceeded(acl.Id);
            spec.CopyTo(entry);
            return Empty.Instance;
        }, cancellationToken);
    }
}
