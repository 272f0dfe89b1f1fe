using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.Eks;

/// <summary>
/// A cluster update by id: every update completes at once, so <c>Successful</c> (what the waiters of the AWS CLI's
/// <c>eks wait</c> and Terraform poll). Node group and add-on updates are not emulated.
/// https://docs.aws.amazon.com/eks/latest/APIReference/API_DescribeUpdate.html
/// </summary>
[AwsService("eks")]
public static class DescribeUpdate
{
    public sealed record Command : ICommand<Result>
    {
        public string? Name { get; init; }
        public string? UpdateId { get; init; }
        public string? NodegroupName { get; init; }
        public string? AddonName { get; init; }
    }

    public sealed record Result(Update Update);

    public sealed class Handler(ServiceResourceStore store) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var row = await EksClusters.FindAsync(store, command.Name!, cancellationToken);
            var update = ServiceResourceStore.Read<ClusterDocument>(row).Updates.FirstOrDefault(u => u.Id == command.UpdateId)
                ?? throw EksErrors.UpdateNotFound(command.UpdateId!);
            if (command.NodegroupName is not null || command.AddonName is not null) throw EksErrors.UpdateNotFound(command.UpdateId!);
            return new Result(EksClusters.ToUpdate(update));
        }
    }
}
