using ControlPlane.Application.Features.NatGateways;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.Mq;

/// <summary>
/// What the Amazon MQ actions share: the broker's ARN (<c>arn:aws:mq:&lt;region&gt;:&lt;account&gt;:broker:&lt;name&gt;:&lt;b-id&gt;</c>),
/// subnets and groups (AWS defaults: the default VPC's subnets, the VPC's default group), the broker's interfaces and its
/// endpoints.
/// </summary>
public sealed class Brokers(ServiceResourceStore store, ServiceNetwork network, ControlPlaneDbContext db)
{
    public const string Service = "mq";
    public const string Kind = "broker";
    public const string ActiveMq = "ACTIVEMQ";
    public const string RabbitMq = "RABBITMQ";
    public const string SingleInstance = "SINGLE_INSTANCE";
    public const string ActiveStandby = "ACTIVE_STANDBY_MULTI_AZ";
    public const string Cluster = "CLUSTER_MULTI_AZ";
    public const string Running = "RUNNING";
    public const string CreationInProgress = "CREATION_IN_PROGRESS";
    public const string DeletionInProgress = "DELETION_IN_PROGRESS";

    public string Arn(string name, string brokerId) => store.Arn(Service, $"{Kind}:{name}:{brokerId}");

    public async Task<ServiceResource> FindAsync(string brokerId, CancellationToken cancellationToken) =>
        await store.FindByResourceIdAsync(Service, Kind, brokerId, cancellationToken) ?? throw MqErrors.BrokerNotFound(brokerId);

    /// <summary>How many subnets a deployment mode uses: one instance, an active/standby pair, a three-node RabbitMQ cluster.</summary>
    public static int SubnetCount(string mode) => mode switch { ActiveStandby => 2, Cluster => 3, _ => 1 };

    /// <summary>The named subnets (one VPC), or as many default subnets of the default VPC as the deployment mode uses.</summary>
    public async Task<IReadOnlyList<Subnet>> SubnetsAsync(IReadOnlyList<string>? subnetIds, string mode, CancellationToken cancellationToken)
    {
        if (subnetIds is { Count: > 0 })
            return await network.SubnetsAsync(subnetIds, MqErrors.InvalidSubnet, MqErrors.SubnetsInDifferentVpcs, cancellationToken);
        var vpc = await db.Vpcs.AsNoTracking().FirstOrDefaultAsync(v => v.IsDefault, cancellationToken)
            ?? throw MqErrors.BadRequest("subnetIds", "The account has no default VPC in this region. Specify subnetIds.");
        var subnets = await db.Subnets.AsNoTracking().Where(s => s.VpcId == vpc.Id && s.DefaultForAz).ToListAsync(cancellationToken);
        return subnets.OrderBy(s => s.AvailabilityZone, StringComparer.Ordinal).Take(SubnetCount(mode)).ToList();
    }

    public async Task<IReadOnlyList<SecurityGroup>> GroupsAsync(IReadOnlyList<string>? ids, string vpcId, CancellationToken cancellationToken) =>
        ids is { Count: > 0 }
            ? await network.GroupsAsync(ids, vpcId, MqErrors.InvalidSecurityGroup, id => MqErrors.SecurityGroupInOtherVpc(id, vpcId), cancellationToken)
            : [await network.DefaultGroupAsync(vpcId, cancellationToken)];

    /// <summary>
    /// One interface per broker instance. Amazon MQ creates it in the customer's account with the customer's permissions
    /// (ec2:CreateNetworkInterface, then ec2:CreateNetworkInterfacePermission for the broker's instance), so it is not
    /// requester-managed and has no requester id; it is attached to an instance of the MQ service account.
    /// https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/connecting-to-amazon-mq.html
    /// AWS's documentation does not give the description MQ writes; this one is ControlPlane's.
    /// </summary>
    public async Task AddInterfaceAsync(string brokerArn, string brokerId, Subnet subnet, IReadOnlyList<SecurityGroup> groups, CancellationToken cancellationToken)
    {
        var spec = new ManagedInterfaces.Spec("interface", RequesterId: null!, "", $"Amazon MQ network interface for broker {brokerId}", SourceDestCheck: true)
        {
            RequesterManaged = false,
            AttachmentPrefix = "eni-attach",
            AttachmentOwner = "amazon-mq",
        };
        await network.AddInterfaceAsync(brokerArn, spec, subnet, groups, cancellationToken);
    }

    /// <summary>
    /// The broker's instances as DescribeBroker shows them: ActiveMQ one per instance (<c>b-…-1</c>, <c>b-…-2</c>) with its
    /// OpenWire, AMQP, STOMP, MQTT and WSS endpoints; RabbitMQ one AMQPS endpoint for the broker.
    /// https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/connecting-to-amazon-mq.html
    /// </summary>
    public static IReadOnlyList<BrokerInstanceShape> Instances(string region, string brokerId, BrokerDocument doc, IReadOnlyList<NetworkInterface> interfaces)
    {
        string? Ip(int i) => interfaces.FirstOrDefault(n => n.SubnetId == doc.SubnetIds[i])?.PrivateIpAddresses.FirstOrDefault(p => p.Primary)?.Address;
        if (doc.EngineType == RabbitMq)
        {
            var host = $"{brokerId}.mq.{region}.amazonaws.com";
            return [new BrokerInstanceShape($"https://{host}", [$"amqps://{host}:5671"], doc.DeploymentMode == SingleInstance ? Ip(0) : null)];
        }
        return doc.SubnetIds.Select((_, i) =>
        {
            var host = $"{brokerId}-{i + 1}.mq.{region}.amazonaws.com";
            return new BrokerInstanceShape($"https://{host}:8162",
                [$"ssl://{host}:61617", $"amqp+ssl://{host}:5671", $"stomp+ssl://{host}:61614", $"mqtt+ssl://{host}:8883", $"wss://{host}:61619"], Ip(i));
        }).ToList();
    }

    public Task<List<NetworkInterface>> InterfacesAsync(string brokerArn, CancellationToken cancellationToken) => network.InterfacesAsync(brokerArn, cancellationToken);
}
