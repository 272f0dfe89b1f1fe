using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;

namespace ControlPlane.Application.Features.Lambda;

/// <summary>
/// The code-signing configuration of a function: code signing is not emulated, so none (an empty ARN, as Lambda answers
/// for a function without one). Terraform reads it for every zip function.
/// https://docs.aws.amazon.com/lambda/latest/api/API_GetFunctionCodeSigningConfig.html
/// </summary>
[AwsService("lambda")]
public static class GetFunctionCodeSigningConfig
{
    public sealed record Command : ICommand<Result>
    {
        public string? FunctionName { get; init; }
    }

    public sealed record Result(string CodeSigningConfigArn, string FunctionName);

    public sealed class Handler(ServiceResourceStore store) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var row = await LambdaFunctions.FindAsync(store, command.FunctionName!, cancellationToken);
            return new Result("", row.Name);
        }
    }
}
