using ControlPlane.Application.Services;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Model;

namespace ControlPlane.Application.Features.Ecs;

/// <summary>The ECS resource a tagging call names by ARN: a cluster, task definition, task or service of the caller's scope.</summary>
public static class EcsTaggable
{
    public static async Task<ServiceResource> FindAsync(ServiceResourceStore store, string? arn, CancellationToken cancellationToken)
    {
        if (arn is null || !EcsNames.IsArn(arn)) throw EcsErrors.InvalidParameter("The ARN provided is invalid.");
        var row = await store.FindByArnAsync(arn, cancellationToken);
        if (row is { Service: EcsNames.Service } && row.State != EcsNames.Inactive || row is { Kind: EcsNames.TaskDefinitionKind }) return row!;
        throw arn.Contains(":cluster/", StringComparison.Ordinal) ? EcsErrors.ClusterNotFound() : EcsErrors.ResourceNotFound();
    }
}
