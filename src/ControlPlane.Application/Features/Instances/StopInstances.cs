using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using FluentValidation;

namespace ControlPlane.Application.Features.Instances;

/// <summary>
/// Stops running instances. DisableApiStop refuses (OperationNotPermitted), a terminated instance cannot be stopped
/// (IncorrectInstanceState); stopping a stopped instance changes nothing. The answer shows <c>stopping</c>; Describe
/// shows <c>stopped</c>. Interfaces and addresses stay.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_StopInstances.html
/// </summary>
public static class StopInstances
{
    public sealed record Command : ICommand<Result>, IDryRunnable
    {
        public IReadOnlyList<string>? InstanceIds { get; init; }
        public bool? Hibernate { get; init; }
        public bool? Force { get; init; }
        public bool? SkipOsShutdown { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(IReadOnlyList<InstanceShapes.InstanceStateChange> StoppingInstances);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.InstanceIds).NotEmpty().WithAwsError((_, _) => Ec2Errors.MissingParameter("InstanceId"));
            RuleForEach(c => c.InstanceIds).Must(id => ResourceIds.IsWellFormed(id, ResourceIds.Instance)).WithAwsError((_, id) => Ec2Errors.InstanceIdMalformed(id));
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, TimeProvider time) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var now = time.GetUtcNow();
            var instances = await db.LoadInstancesAsync(command.InstanceIds!.Distinct().ToList(), now, tracked: true, cancellationToken);
            if (instances.FirstOrDefault(i => i.State == "terminated") is { } gone) throw Ec2Errors.IncorrectInstanceState(gone.Id, gone.State);
            if (instances.FirstOrDefault(i => i.DisableApiStop && i.State == "running") is { } kept) throw Ec2Errors.CannotStopProtected(kept.Id);
            var changes = new List<InstanceShapes.InstanceStateChange>();
            foreach (var instance in instances.OrderBy(i => i.Id, StringComparer.Ordinal))
            {
                var previous = instance.State;
                if (previous == "running")
                {
                    instance.State = "stopped";
                    instance.StateTransitionReason = $"User initiated ({now.UtcDateTime:yyyy-MM-dd HH:mm:ss} GMT)";
                }
                changes.Add(new InstanceShapes.InstanceStateChange(instance.Id, InstanceViews.State(previous == "running" ? "stopping" : previous), InstanceViews.State(previous)));
            }
            return new Result(changes);
        }, cancellationToken);
    }
}
