using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.LoadBalancing;

/// <summary>
/// Changes a target group's health check. Settings the request leaves out keep their values.
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_ModifyTargetGroup.html
/// </summary>
[AwsService("elbv2")]
public static class ModifyTargetGroup
{
    public sealed record Command : ICommand<Result>, HealthCheckRules.IHealthCheck
    {
        public string? TargetGroupArn { get; init; }
        public string? HealthCheckProtocol { get; init; }
        public string? HealthCheckPort { get; init; }
        public string? HealthCheckPath { get; init; }
        public bool? HealthCheckEnabled { get; init; }
        public int? HealthCheckIntervalSeconds { get; init; }
        public int? HealthCheckTimeoutSeconds { get; init; }
        public int? HealthyThresholdCount { get; init; }
        public int? UnhealthyThresholdCount { get; init; }
        public Matcher? Matcher { get; init; }
    }

    public sealed record Result(IReadOnlyList<TargetGroup> TargetGroups);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => HealthCheckRules.Apply(this);
    }

    public sealed class Handler(ScopeWriter writer, ServiceResourceStore store) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var row = await TargetGroups.FindAsync(store, command.TargetGroupArn!, cancellationToken);
            var group = ServiceResourceStore.Read<TargetGroupDocument>(row);
            if (group.TargetType == TargetGroups.Lambda && command.HealthCheckProtocol is not null)
            {
                throw ElbErrors.InvalidConfiguration("A health check protocol cannot be specified for target groups with target type 'lambda'");
            }
            var updated = group with
            {
                HealthCheckProtocol = command.HealthCheckProtocol ?? group.HealthCheckProtocol,
                HealthCheckPort = command.HealthCheckPort ?? group.HealthCheckPort,
                HealthCheckPath = command.HealthCheckPath ?? group.HealthCheckPath,
                HealthCheckEnabled = command.HealthCheckEnabled ?? group.HealthCheckEnabled,
                HealthCheckIntervalSeconds = command.HealthCheckIntervalSeconds ?? group.HealthCheckIntervalSeconds,
                HealthCheckTimeoutSeconds = command.HealthCheckTimeoutSeconds ?? group.HealthCheckTimeoutSeconds,
                HealthyThresholdCount = command.HealthyThresholdCount ?? group.HealthyThresholdCount,
                UnhealthyThresholdCount = command.UnhealthyThresholdCount ?? group.UnhealthyThresholdCount,
                MatcherHttpCode = command.Matcher?.HttpCode ?? group.MatcherHttpCode,
                MatcherGrpcCode = command.Matcher?.GrpcCode ?? group.MatcherGrpcCode,
            };
            if (updated.HealthCheckTimeoutSeconds >= updated.HealthCheckIntervalSeconds)
            {
                throw ElbErrors.Validation("Health check interval must be greater than the timeout");
            }
            ServiceResourceStore.Write(row, updated);
            var usedBy = await TargetGroups.LoadBalancersOfAsync(store, cancellationToken);
            return new Result([TargetGroups.ToShape(row, updated, usedBy[row.Arn].ToList())]);
        }, cancellationToken);
    }
}
