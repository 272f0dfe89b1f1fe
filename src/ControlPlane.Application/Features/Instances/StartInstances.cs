using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using FluentValidation;

namespace ControlPlane.Application.Features.Instances;

/// <summary>
/// Starts stopped instances; a terminated instance cannot be started (IncorrectInstanceState), a running one is left
/// as it is. The answer shows <c>pending</c>; Describe shows <c>running</c>.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_StartInstances.html
/// </summary>
public static class StartInstances
{
    public sealed record Command : ICommand<Result>, IDryRunnable
    {
        public IReadOnlyList<string>? InstanceIds { get; init; }
        public string? AdditionalInfo { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(IReadOnlyList<InstanceShapes.InstanceStateChange> StartingInstances);

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
            var instances = await db.LoadInstancesAsync(command.InstanceIds!.Distinct().ToList(), time.GetUtcNow(), tracked: true, cancellationToken);
            if (instances.FirstOrDefault(i => i.State == "terminated") is { } gone) throw Ec2Errors.IncorrectInstanceState(gone.Id, gone.State);
            var changes = new List<InstanceShapes.InstanceStateChange>();
            foreach (var instance in instances.OrderBy(i => i.Id, StringComparer.Ordinal))
            {
                var previous = instance.State;
                if (previous == "stopped")
                {
                    instance.State = "running";
                    instance.StateTransitionReason = "";
                }
                changes.Add(new InstanceShapes.InstanceStateChange(instance.Id, InstanceViews.State(previous == "stopped" ? "pending" : previous), InstanceViews.State(previous)));
            }
            return new Result(changes);
        }, cancellationToken);
    }
}
