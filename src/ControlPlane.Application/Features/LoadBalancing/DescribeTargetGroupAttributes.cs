using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;

namespace ControlPlane.Application.Features.LoadBalancing;

/// <summary>
/// The target group's attributes: the defaults of its protocol and target type with what was changed.
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeTargetGroupAttributes.html
/// </summary>
[AwsService("elbv2")]
public static class DescribeTargetGroupAttributes
{
    public sealed record Command : ICommand<Result>
    {
        public string? TargetGroupArn { get; init; }
    }

    public sealed record Result(IReadOnlyList<AttributeEntry> Attributes);

    public sealed class Handler(ServiceResourceStore store) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var row = await TargetGroups.FindAsync(store, command.TargetGroupArn!, cancellationToken);
            return new Result(ElbAttributes.ToShape(ServiceResourceStore.Read<TargetGroupDocument>(row).Attributes));
        }
    }
}
