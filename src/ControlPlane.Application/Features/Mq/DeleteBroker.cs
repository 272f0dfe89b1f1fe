using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;

namespace ControlPlane.Application.Features.Mq;

/// <summary>
/// Deletes a broker and its network interfaces; it is gone from DescribeBroker and ListBrokers at once.
/// https://docs.aws.amazon.com/amazon-mq/latest/api-reference/brokers-broker-id.html#brokers-broker-id-delete
/// </summary>
[AwsService("mq")]
public static class DeleteBroker
{
    public sealed record Command : ICommand<Result>
    {
        public string? BrokerId { get; init; }
    }

    public sealed record Result(string BrokerId);

    public sealed class Handler(ServiceResourceStore store, ServiceNetwork network, ControlPlaneDbContext db, ScopeWriter writer) : IHandler<Command, Result>
    {
        private readonly Brokers _brokers = new(store, network, db);

        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var row = await _brokers.FindAsync(command.BrokerId!, cancellationToken);
            await network.RemoveInterfacesAsync(row.Arn, cancellationToken);
            store.Remove(row);
            return new Result(row.ResourceId!);
        }, cancellationToken);
    }
}
