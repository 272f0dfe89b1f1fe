using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;

namespace ControlPlane.Application.Features.Lambda;

/// <summary>
/// A function's versions. Publishing is not emulated, so the list is <c>$LATEST</c> alone (Terraform reads it to find
/// the latest published version).
/// https://docs.aws.amazon.com/lambda/latest/api/API_ListVersionsByFunction.html
/// </summary>
[AwsService("lambda")]
public static class ListVersionsByFunction
{
    public sealed record Command : ICommand<Result>
    {
        public string? FunctionName { get; init; }
        public string? Marker { get; init; }
        public int? MaxItems { get; init; }
    }

    public sealed record Result(IReadOnlyList<FunctionConfiguration> Versions, string? NextMarker);

    public sealed class Handler(ServiceResourceStore store) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var row = await LambdaFunctions.FindAsync(store, command.FunctionName!, cancellationToken);
            return new Result([LambdaFunctions.Configuration(row, ServiceResourceStore.Read<FunctionDocument>(row))], null);
        }
    }
}
