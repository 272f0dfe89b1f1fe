using ControlPlane.Application.Pipeline;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.LoadBalancing;

/// <summary>
/// The health-check limits CreateTargetGroup and ModifyTargetGroup share: interval 5-300 s, timeout 2-120 s,
/// thresholds 2-10, a path starting with <c>/</c>, a port of 1-65535 or <c>traffic-port</c>.
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html
/// </summary>
public static class HealthCheckRules
{
    public interface IHealthCheck
    {
        string? HealthCheckProtocol { get; }
        string? HealthCheckPort { get; }
        string? HealthCheckPath { get; }
        int? HealthCheckIntervalSeconds { get; }
        int? HealthCheckTimeoutSeconds { get; }
        int? HealthyThresholdCount { get; }
        int? UnhealthyThresholdCount { get; }
    }

    public static void Apply<T>(AbstractValidator<T> validator) where T : IHealthCheck
    {
        validator.RuleFor(c => c.HealthCheckProtocol).Must(p => p is null or "HTTP" or "HTTPS" or "TCP")
            .WithAwsError((_, p) => ElbErrors.Validation($"Health check protocol '{p}' is not valid"));
        validator.RuleFor(c => c.HealthCheckPort).Must(p => p is null or "traffic-port" || (int.TryParse(p, out var n) && n is >= 1 and <= 65535))
            .WithAwsError((_, p) => ElbErrors.Validation($"Health check port '{p}' must be 'traffic-port' or between 1 and 65535"));
        validator.RuleFor(c => c.HealthCheckPath).Must(p => p is null || (p.StartsWith('/') && p.Length <= 1024))
            .WithAwsError((_, p) => ElbErrors.Validation($"Health check path '{p}' must begin with '/'"));
        validator.RuleFor(c => c.HealthCheckIntervalSeconds).InclusiveBetween(5, 300).When(c => c.HealthCheckIntervalSeconds is not null)
            .WithAwsError((_, v) => ElbErrors.Validation($"Health check interval '{v}' must be between 5 and 300"));
        validator.RuleFor(c => c.HealthCheckTimeoutSeconds).InclusiveBetween(2, 120).When(c => c.HealthCheckTimeoutSeconds is not null)
            .WithAwsError((_, v) => ElbErrors.Validation($"Health check timeout '{v}' must be between 2 and 120"));
        validator.RuleFor(c => c).Must(c => c.HealthCheckTimeoutSeconds < c.HealthCheckIntervalSeconds)
            .When(c => c.HealthCheckTimeoutSeconds is not null && c.HealthCheckIntervalSeconds is not null)
            .WithAwsError((_, _) => ElbErrors.Validation("Health check interval must be greater than the timeout"));
        validator.RuleFor(c => c.HealthyThresholdCount).InclusiveBetween(2, 10).When(c => c.HealthyThresholdCount is not null)
            .WithAwsError((_, v) => ElbErrors.Validation($"Healthy threshold count '{v}' must be between 2 and 10"));
        validator.RuleFor(c => c.UnhealthyThresholdCount).InclusiveBetween(2, 10).When(c => c.UnhealthyThresholdCount is not null)
            .WithAwsError((_, v) => ElbErrors.Validation($"Unhealthy threshold count '{v}' must be between 2 and 10"));
    }
}
