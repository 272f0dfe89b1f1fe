using ControlPlane.Application.Services;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Model;

namespace ControlPlane.Application.Features.Mq;

/// <summary>The broker an MQ tagging call names by ARN (<c>NotFoundException</c> when it is not one of the scope's brokers).</summary>
public static class MqTags
{
    public static async Task<ServiceResource> BrokerAsync(ServiceResourceStore store, string arn, CancellationToken cancellationToken) =>
        await store.FindByArnAsync(arn, cancellationToken) is { Service: Brokers.Service, Kind: Brokers.Kind } row ? row : throw MqErrors.ResourceNotFound(arn);
}
