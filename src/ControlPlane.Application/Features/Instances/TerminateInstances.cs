using ControlPlane.Application.Features.NetworkInterfaces;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.Instances;

/// <summary>
/// Terminates instances. Any with DisableApiTermination refuses the whole call (OperationNotPermitted). Interfaces
/// marked DeleteOnTermination are deleted (their addresses return to the subnet), the others are detached and
/// <c>available</c> again. The answer shows <c>shutting-down</c>; Describe shows <c>terminated</c> for an hour.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_TerminateInstances.html
/// </summary>
public static class TerminateInstances
{
    public sealed record Command : ICommand<Result>, IDryRunnable
    {
        public IReadOnlyList<string>? InstanceIds { get; init; }
        public bool? Force { get; init; }
        public bool? SkipOsShutdown { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(IReadOnlyList<InstanceShapes.InstanceStateChange> TerminatingInstances);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.InstanceIds).NotEmpty().WithAwsError((_, _) => Ec2Errors.MissingParameter("InstanceId"));
            RuleForEach(c => c.InstanceIds).Must(id => ResourceIds.IsWellFormed(id, ResourceIds.Instance)).WithAwsError((_, id) => Ec2Errors.InstanceIdMalformed(id));
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, TagStore tags, TimeProvider time) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var now = time.GetUtcNow();
            var instances = await db.LoadInstancesAsync(command.InstanceIds!.Distinct().ToList(), now, tracked: true, cancellationToken);
            if (instances.FirstOrDefault(i => i.DisableApiTermination && i.State != "terminated") is { } protectedOne)
                throw Ec2Errors.CannotTerminateProtected(protectedOne.Id);

            var changes = new List<InstanceShapes.InstanceStateChange>();
            foreach (var instance in instances.OrderBy(i => i.Id, StringComparer.Ordinal))
            {
                var previous = instance.State;
                if (previous != "terminated")
                {
                    await ReleaseInterfacesAsync(instance.Id, cancellationToken);
                    instance.State = "terminated";
                    instance.TerminatedAt = now;
                    instance.StateTransitionReason = $"User initiated ({now.UtcDateTime:yyyy-MM-dd HH:mm:ss} GMT)";
                }
                changes.Add(new InstanceShapes.InstanceStateChange(instance.Id,
                    InstanceViews.State(previous == "terminated" ? "terminated" : "shutting-down"), InstanceViews.State(previous)));
            }
            return new Result(changes);
        }, cancellationToken);

        private async Task ReleaseInterfacesAsync(string instanceId, CancellationToken cancellationToken)
        {
            var interfaces = await db.NetworkInterfaces.Where(n => n.AttachedInstanceId == instanceId).ToListAsync(cancellationToken);
            foreach (var eni in interfaces)
            {
                if (eni.DeleteOnTermination == true)
                {
                    await db.NetworkInterfacePrivateIps.Where(p => p.NetworkInterfaceId == eni.Id).ExecuteDeleteAsync(cancellationToken);
                    await db.NetworkInterfaceIpv6Addresses.Where(p => p.NetworkInterfaceId == eni.Id).ExecuteDeleteAsync(cancellationToken);
                    await db.NetworkInterfaceGroups.Where(g => g.NetworkInterfaceId == eni.Id).ExecuteDeleteAsync(cancellationToken);
                    await tags.RemoveAllAsync(eni.Id, cancellationToken);
                    db.NetworkInterfaces.Remove(eni);
                }
                else
                {
                    eni.Detach();
                }
            }
        }
    }
}
