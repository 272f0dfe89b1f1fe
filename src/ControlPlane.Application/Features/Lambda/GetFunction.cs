using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;

namespace ControlPlane.Application.Features.Lambda;

/// <summary>
/// A function's configuration, where its code can be downloaded and its tags.
/// https://docs.aws.amazon.com/lambda/latest/api/API_GetFunction.html
/// </summary>
[AwsService("lambda")]
public static class GetFunction
{
    public sealed record Command : ICommand<Result>
    {
        public string? FunctionName { get; init; }
        public string? Qualifier { get; init; }
    }

    public sealed record Result(FunctionConfiguration Configuration, FunctionCodeLocation Code, IReadOnlyDictionary<string, string>? Tags);

    public sealed class Handler(ServiceResourceStore store) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var row = await LambdaFunctions.FindAsync(store, command.FunctionName!, cancellationToken, command.Qualifier);
            var doc = ServiceResourceStore.Read<FunctionDocument>(row);
            return new Result(LambdaFunctions.Configuration(row, doc), LambdaFunctions.CodeLocation(row, doc, store.Region, store.AccountId),
                doc.Tags.Count > 0 ? doc.Tags : null);
        }
    }
}
