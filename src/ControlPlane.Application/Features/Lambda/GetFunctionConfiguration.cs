using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;

namespace ControlPlane.Application.Features.Lambda;

/// <summary>
/// A function's version-specific settings (what the <c>function_active_v2</c> and <c>function_updated_v2</c> waiters poll).
/// https://docs.aws.amazon.com/lambda/latest/api/API_GetFunctionConfiguration.html
/// </summary>
[AwsService("lambda")]
public static class GetFunctionConfiguration
{
    public sealed record Command : ICommand<FunctionConfiguration>
    {
        public string? FunctionName { get; init; }
        public string? Qualifier { get; init; }
    }

    public sealed class Handler(ServiceResourceStore store) : IHandler<Command, FunctionConfiguration>
    {
        public async Task<FunctionConfiguration> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var row = await LambdaFunctions.FindAsync(store, command.FunctionName!, cancellationToken, command.Qualifier);
            return LambdaFunctions.Configuration(row, ServiceResourceStore.Read<FunctionDocument>(row));
        }
    }
}
