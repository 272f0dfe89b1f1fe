using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;

namespace ControlPlane.Application.Features.Mq;

/// <summary>Adds or overwrites tags on a broker by ARN. https://docs.aws.amazon.com/amazon-mq/latest/api-reference/tags-resource-arn.html</summary>
[AwsService("mq")]
public static class CreateTags
{
    public sealed record Command : ICommand<Empty>
    {
        public string? ResourceArn { get; init; }
        public IReadOnlyDictionary<string, string>? Tags { get; init; }
    }

    public sealed class Handler(ServiceResourceStore store, ScopeWriter writer) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var row = await MqTags.BrokerAsync(store, command.ResourceArn!, cancellationToken);
            var doc = ServiceResourceStore.Read<BrokerDocument>(row);
            var tags = new Dictionary<string, string>(doc.Tags);
            foreach (var (key, value) in command.Tags ?? new Dictionary<string, string>()) tags[key] = value;
            ServiceResourceStore.Write(row, doc with { Tags = tags });
            return Empty.Instance;
        }, cancellationToken);
    }
}
