using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;

namespace ControlPlane.Application.Features.Mq;

/// <summary>Removes tags by key from a broker by ARN. https://docs.aws.amazon.com/amazon-mq/latest/api-reference/tags-resource-arn.html</summary>
[AwsService("mq")]
public static class DeleteTags
{
    public sealed record Command : ICommand<Empty>
    {
        public string? ResourceArn { get; init; }
        public IReadOnlyList<string>? TagKeys { get; init; }
    }

    public sealed class Handler(ServiceResourceStore store, ScopeWriter writer) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var row = await MqTags.BrokerAsync(store, command.ResourceArn!, cancellationToken);
            var doc = ServiceResourceStore.Read<BrokerDocument>(row);
            var keys = command.TagKeys ?? [];
            ServiceResourceStore.Write(row, doc with { Tags = doc.Tags.Where(t => !keys.Contains(t.Key)).ToDictionary() });
            return Empty.Instance;
        }, cancellationToken);
    }
}
