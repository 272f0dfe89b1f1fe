using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;

namespace ControlPlane.Application.Features.Lambda;

/// <summary>A function's tags. https://docs.aws.amazon.com/lambda/latest/api/API_ListTags.html</summary>
[AwsService("lambda")]
public static class ListTags
{
    public sealed record Command : ICommand<Result>
    {
        public string? Resource { get; init; }
    }

    public sealed record Result(IReadOnlyDictionary<string, string> Tags);

    public sealed class Handler(ServiceResourceStore store) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) =>
            new(ServiceResourceStore.Read<FunctionDocument>(await LambdaTags.FindAsync(store, command.Resource!, cancellationToken)).Tags);
    }
}
