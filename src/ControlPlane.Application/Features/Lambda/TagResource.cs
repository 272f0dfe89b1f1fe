using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.Lambda;

/// <summary>
/// Adds or overwrites tags of a function (at most 50 in all).
/// https://docs.aws.amazon.com/lambda/latest/api/API_TagResource.html
/// </summary>
[AwsService("lambda")]
public static class TagResource
{
    public sealed record Command : ICommand<Empty>
    {
        public string? Resource { get; init; }
        public IReadOnlyDictionary<string, string>? Tags { get; init; }
    }

    public sealed class Handler(ScopeWriter writer, ServiceResourceStore store) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var row = await LambdaTags.FindAsync(store, command.Resource!, cancellationToken);
            var doc = ServiceResourceStore.Read<FunctionDocument>(row);
            var tags = new Dictionary<string, string>(doc.Tags);
            foreach (var (key, value) in command.Tags ?? new Dictionary<string, string>()) tags[key] = value;
            if (tags.Count > LambdaTags.Limit) throw LambdaErrors.InvalidParameterValue($"Number of tags exceeds resource tag limit. The maximum number of tags per resource is {LambdaTags.Limit}.");
            ServiceResourceStore.Write(row, doc with { Tags = tags });
            return Empty.Instance;
        }, cancellationToken);
    }
}
