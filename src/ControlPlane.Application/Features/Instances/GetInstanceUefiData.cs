using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;

namespace ControlPlane.Application.Features.Instances;

/// <summary>
/// The UEFI variable store of an instance: empty, since nothing boots. Terraform's data "aws_ami" asks with the AMI id
/// and ignores the error (InvalidInstanceID.Malformed).
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_GetInstanceUefiData.html
/// </summary>
public static class GetInstanceUefiData
{
    public sealed record Command : ICommand<Result>, IDryRunnable
    {
        public string? InstanceId { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(string InstanceId, string UefiData);

    public sealed class Handler(ControlPlaneDbContext db, TimeProvider time) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var instance = await db.LoadInstanceAsync(command.InstanceId, time.GetUtcNow(), tracked: false, cancellationToken);
            return new Result(instance.Id, "");
        }
    }
}
