using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;

namespace ControlPlane.Application.Features.Lambda;

/// <summary>
/// Deletes a function and releases its shared interfaces: those no other function uses are deleted (at once; AWS takes
/// up to ~35 minutes). Deleting a version other than <c>$LATEST</c> is not emulated (there are none).
/// https://docs.aws.amazon.com/lambda/latest/api/API_DeleteFunction.html
/// </summary>
[AwsService("lambda")]
public static class DeleteFunction
{
    public sealed record Command : ICommand<Empty>
    {
        public string? FunctionName { get; init; }
        public string? Qualifier { get; init; }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, ServiceResourceStore store, ServiceNetwork network) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var row = await LambdaFunctions.FindAsync(store, command.FunctionName!, cancellationToken, command.Qualifier);
            var doc = ServiceResourceStore.Read<FunctionDocument>(row);
            await new LambdaNetwork(db, network, store).ReleaseAsync(row.Arn, doc.NetworkInterfaceIds, [], cancellationToken);
            store.Remove(row);
            return Empty.Instance;
        }, cancellationToken);
    }
}
