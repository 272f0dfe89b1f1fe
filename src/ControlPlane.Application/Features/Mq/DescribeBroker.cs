using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;

namespace ControlPlane.Application.Features.Mq;

/// <summary>
/// A broker by id (<c>NotFoundException</c> otherwise): state <c>RUNNING</c>, its instances with console URL, endpoints and
/// private address, its subnets, security groups, users and tags.
/// https://docs.aws.amazon.com/amazon-mq/latest/api-reference/brokers-broker-id.html#brokers-broker-id-get
/// </summary>
[AwsService("mq")]
public static class DescribeBroker
{
    public sealed record Command : ICommand<Result>
    {
        public string? BrokerId { get; init; }
    }

    public sealed record Result
    {
        public required string AuthenticationStrategy { get; init; }
        public required bool AutoMinorVersionUpgrade { get; init; }
        public required string BrokerArn { get; init; }
        public required string BrokerId { get; init; }
        public required IReadOnlyList<BrokerInstanceShape> BrokerInstances { get; init; }
        public required string BrokerName { get; init; }
        public required string BrokerState { get; init; }
        public required DateTimeOffset Created { get; init; }
        public required string DeploymentMode { get; init; }
        public required EncryptionOptionsShape EncryptionOptions { get; init; }
        public required string EngineType { get; init; }
        public required string EngineVersion { get; init; }
        public required string HostInstanceType { get; init; }
        public WeeklyStartTimeShape? MaintenanceWindowStartTime { get; init; }
        public required bool PubliclyAccessible { get; init; }
        public required IReadOnlyList<string> SecurityGroups { get; init; }
        public required string StorageType { get; init; }
        public required IReadOnlyList<string> SubnetIds { get; init; }
        public required IReadOnlyDictionary<string, string> Tags { get; init; }
        public required IReadOnlyList<UserSummaryShape> Users { get; init; }
        public required string DataReplicationMode { get; init; }
    }

    public sealed class Handler(ServiceResourceStore store, ServiceNetwork network, ControlPlaneDbContext db) : IHandler<Command, Result>
    {
        private readonly Brokers _brokers = new(store, network, db);

        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var row = await _brokers.FindAsync(command.BrokerId!, cancellationToken);
            var doc = ServiceResourceStore.Read<BrokerDocument>(row);
            var interfaces = await _brokers.InterfacesAsync(row.Arn, cancellationToken);
            return new Result
            {
                AuthenticationStrategy = doc.AuthenticationStrategy, AutoMinorVersionUpgrade = doc.AutoMinorVersionUpgrade, BrokerArn = row.Arn,
                BrokerId = row.ResourceId!, BrokerInstances = Brokers.Instances(store.Region, row.ResourceId!, doc, interfaces), BrokerName = row.Name,
                BrokerState = row.State, Created = row.CreatedAt, DeploymentMode = doc.DeploymentMode, EncryptionOptions = new EncryptionOptionsShape(true),
                EngineType = doc.EngineType, EngineVersion = doc.EngineVersion, HostInstanceType = doc.HostInstanceType,
                MaintenanceWindowStartTime = doc.MaintenanceWindowStartTime, PubliclyAccessible = doc.PubliclyAccessible, SecurityGroups = doc.SecurityGroups,
                StorageType = doc.StorageType, SubnetIds = doc.SubnetIds, Tags = doc.Tags, Users = doc.Users.Select(u => new UserSummaryShape(u)).ToList(),
                DataReplicationMode = "NONE",
            };
        }
    }
}
