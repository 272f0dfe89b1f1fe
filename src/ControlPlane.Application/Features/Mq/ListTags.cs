using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;

namespace ControlPlane.Application.Features.Mq;

/// <summary>A broker's tags by ARN. https://docs.aws.amazon.com/amazon-mq/latest/api-reference/tags-resource-arn.html</summary>
[AwsService("mq")]
public static class ListTags
{
    public sealed record Command : ICommand<Result>
    {
        public string? ResourceArn { get; init; }
    }

    public sealed record Result(IReadOnlyDictionary<string, string> Tags);

    public sealed class Handler(ServiceResourceStore store) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) =>
            new(ServiceResourceStore.Read<BrokerDocument>(await MqTags.BrokerAsync(store, command.ResourceArn!, cancellationToken)).Tags);
    }
}
