using System.Globalization;
using ControlPlane.Application.Features.NetworkInterfaces;
using ControlPlane.Application.Features.Regions;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Store;
using Microsoft.EntityFrameworkCore;
using Model = ControlPlane.Domain.Model;
using Tag = ControlPlane.Application.Shapes.Tag;

namespace ControlPlane.Application.Features.Instances;

/// <summary>
/// How an instance reads on the wire, and the DescribeInstances filter table. The instance's groups are its primary
/// interface's; its addresses are its interfaces'. A terminated instance keeps showing (state terminated, no
/// interfaces) for an hour after it terminated, as on AWS, then disappears.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstances.html
/// </summary>
public static class InstanceViews
{
    public const string ResourceType = "instance";
    public const string VolumeResourceType = "volume";
    public const string RootDevice = "/dev/xvda";
    public static readonly TimeSpan TerminatedVisibleFor = TimeSpan.FromHours(1);

    public sealed record Row(Model.Instance Instance, IReadOnlyList<Model.NetworkInterface> Interfaces, IReadOnlyDictionary<string, string> GroupNames, IReadOnlyList<Tag> Tags)
    {
        public Model.NetworkInterface? Primary => Interfaces.FirstOrDefault(n => n.DeviceIndex == 0);
    }

    public static int Code(string state) => state switch
    {
        "pending" => 0,
        "running" => 16,
        "shutting-down" => 32,
        "terminated" => 48,
        "stopping" => 64,
        _ => 80,
    };

    public static InstanceShapes.InstanceState State(string state) => new(Code(state), state);

    public static bool Visible(Model.Instance instance, DateTimeOffset now) =>
        instance.TerminatedAt is not { } at || now - at < TerminatedVisibleFor;

    /// <summary>The instances with their attached interfaces, group names and tags, in a fixed number of queries.</summary>
    public static async Task<List<Row>> LoadRowsAsync(this ControlPlaneDbContext db, TagStore tags, IReadOnlyList<Model.Instance> instances, CancellationToken cancellationToken)
    {
        var ids = instances.Select(i => i.Id).ToList();
        var interfaces = ids.Count == 0 ? [] : await db.NetworkInterfaces.AsNoTracking()
            .Include(n => n.PrivateIpAddresses).Include(n => n.Ipv6Addresses).Include(n => n.Groups).AsSplitQuery()
            .Where(n => n.AttachedInstanceId != null && ids.Contains(n.AttachedInstanceId)).ToListAsync(cancellationToken);
        var groupIds = interfaces.SelectMany(n => n.Groups).Select(g => g.GroupId).Distinct().ToList();
        var names = await db.SecurityGroups.AsNoTracking().Where(g => groupIds.Contains(g.Id))
            .ToDictionaryAsync(g => g.Id, g => g.GroupName, StringComparer.Ordinal, cancellationToken);
        var tagsOf = await tags.LoadAsync(ids, cancellationToken);
        var byInstance = interfaces.ToLookup(n => n.AttachedInstanceId!);
        return instances.Select(i => new Row(i, byInstance[i.Id].OrderBy(n => n.DeviceIndex).ToList(), names, tagsOf(i.Id))).ToList();
    }

    public static IReadOnlyList<InstanceShapes.GroupIdentifier> Groups(Row row) =>
        row.Primary is { } eni
            ? eni.Groups.OrderBy(g => g.Position).Select(g => new InstanceShapes.GroupIdentifier(g.GroupId, row.GroupNames.GetValueOrDefault(g.GroupId))).ToList()
            : [];

    public static InstanceShapes.Instance ToShape(Row row, string? state = null)
    {
        var i = row.Instance;
        var primary = row.Primary;
        var primaryIp = primary is null ? null : NetworkInterfaceViews.PrivateIps(primary).FirstOrDefault()?.Address;
        var terminated = i.State == "terminated";
        var type = InstanceTypeCatalog.Find(i.InstanceType);
        return new InstanceShapes.Instance
        {
            AmiLaunchIndex = i.AmiLaunchIndex,
            ImageId = i.ImageId,
            InstanceId = i.Id,
            InstanceType = i.InstanceType,
            KeyName = i.KeyName,
            LaunchTime = i.LaunchTime,
            Monitoring = new InstanceShapes.Monitoring(i.MonitoringEnabled ? "enabled" : "disabled"),
            Placement = new InstanceShapes.PlacementResponse(i.AvailabilityZone, ZoneId(i.Region, i.AvailabilityZone), "", i.Tenancy),
            PrivateDnsName = primaryIp is null ? (terminated ? "" : null) : NetworkInterfaceViews.PrivateDnsName(primaryIp, i.Region),
            PrivateIpAddress = primaryIp,
            PublicDnsName = primary?.PublicIp is { } pub ? NetworkInterfaceViews.PublicDnsName(pub, i.Region) : "",
            PublicIpAddress = primary?.PublicIp,
            State = State(state ?? i.State),
            StateTransitionReason = i.StateTransitionReason,
            SubnetId = terminated ? null : i.SubnetId,
            VpcId = terminated ? null : i.VpcId,
            Architecture = i.Architecture,
            BlockDeviceMappings = terminated ? [] : [new InstanceShapes.InstanceBlockDeviceMapping(RootDevice,
                new InstanceShapes.EbsInstanceBlockDevice(i.LaunchTime, true, "attached", i.RootVolumeId))],
            ClientToken = i.ClientToken ?? "",
            EbsOptimized = i.EbsOptimized,
            NetworkInterfaces = row.Interfaces.Select(n => Interface(n, row.GroupNames)).ToList(),
            SecurityGroups = Groups(row),
            SourceDestCheck = primary?.SourceDestCheck,
            Tags = row.Tags,
            CpuOptions = new InstanceShapes.CpuOptions(type?.Cores ?? 1, type?.ThreadsPerCore ?? 1),
            MetadataOptions = new InstanceShapes.InstanceMetadataOptionsResponse("applied", "optional", 1, "enabled", "disabled", "disabled"),
            UsageOperationUpdateTime = i.LaunchTime,
            PrivateDnsNameOptions = new InstanceShapes.PrivateDnsNameOptionsResponse("ip-name", false, false),
        };
    }

    public static InstanceShapes.InstanceNetworkInterface Interface(Model.NetworkInterface eni, IReadOnlyDictionary<string, string> names)
    {
        var association = eni.PublicIp is { } ip
            ? new InstanceShapes.InstanceNetworkInterfaceAssociation(eni.PublicIpOwnerId ?? "amazon", NetworkInterfaceViews.PublicDnsName(ip, eni.Region), ip)
            : null;
        var addresses = NetworkInterfaceViews.PrivateIps(eni).ToList();
        var primary = addresses.FirstOrDefault()?.Address ?? "";
        return new InstanceShapes.InstanceNetworkInterface(
            association,
            eni.AttachmentId is null ? null : new InstanceShapes.InstanceNetworkInterfaceAttachment(eni.AttachTime, eni.AttachmentId, eni.DeleteOnTermination,
                eni.DeviceIndex, eni.NetworkCardIndex, eni.AttachmentStatus),
            eni.Description,
            eni.Groups.OrderBy(g => g.Position).Select(g => new InstanceShapes.GroupIdentifier(g.GroupId, names.GetValueOrDefault(g.GroupId))).ToList(),
            NetworkInterfaceViews.Ipv6(eni).Select(a => new InstanceShapes.InstanceIpv6Address(a, false)).ToList(),
            eni.MacAddress, eni.Id, eni.AccountId,
            primary == "" ? "" : NetworkInterfaceViews.PrivateDnsName(primary, eni.Region), primary,
            addresses.Select(p => new InstanceShapes.InstancePrivateIpAddress(p.Primary ? association : null, p.Primary,
                NetworkInterfaceViews.PrivateDnsName(p.Address, eni.Region), p.Address)).ToList(),
            eni.SourceDestCheck, eni.Status, eni.SubnetId, eni.VpcId, eni.InterfaceType);
    }

    public static string? ZoneId(string region, string zone) =>
        RegionCatalog.Get(region).Zones.FirstOrDefault(z => z.ZoneName == zone)?.ZoneId;

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static IEnumerable<string?> All(Row r, Func<Model.NetworkInterface, IEnumerable<string?>> of) => r.Interfaces.SelectMany(of);

    public static readonly FilterTable<Row> Filters = new(new Dictionary<string, Func<Row, IEnumerable<string?>>>
    {
        ["affinity"] = _ => [],
        ["architecture"] = r => FilterValues.One(r.Instance.Architecture),
        ["availability-zone"] = r => FilterValues.One(r.Instance.AvailabilityZone),
        ["availability-zone-id"] = r => FilterValues.One(ZoneId(r.Instance.Region, r.Instance.AvailabilityZone)),
        ["block-device-mapping.attach-time"] = r => FilterValues.One(Time(r.Instance.LaunchTime)),
        ["block-device-mapping.delete-on-termination"] = _ => FilterValues.Bool(true),
        ["block-device-mapping.device-name"] = _ => FilterValues.One(RootDevice),
        ["block-device-mapping.status"] = _ => FilterValues.One("attached"),
        ["block-device-mapping.volume-id"] = r => FilterValues.One(r.Instance.RootVolumeId),
        ["boot-mode"] = _ => FilterValues.One("uefi-preferred"),
        ["client-token"] = r => FilterValues.One(r.Instance.ClientToken),
        ["current-instance-boot-mode"] = _ => FilterValues.One("legacy-bios"),
        ["dns-name"] = r => FilterValues.One(r.Primary?.PublicIp is { } ip ? NetworkInterfaceViews.PublicDnsName(ip, r.Instance.Region) : null),
        ["ebs-optimized"] = r => FilterValues.Bool(r.Instance.EbsOptimized),
        ["ena-support"] = _ => FilterValues.Bool(true),
        ["hibernation-options.configured"] = _ => FilterValues.Bool(false),
        ["hypervisor"] = _ => FilterValues.One("xen"),
        ["image-id"] = r => FilterValues.One(r.Instance.ImageId),
        ["instance-id"] = r => FilterValues.One(r.Instance.Id),
        ["instance-lifecycle"] = _ => [],
        ["instance-state-code"] = r => FilterValues.Int(Code(r.Instance.State)),
        ["instance-state-name"] = r => FilterValues.One(r.Instance.State),
        ["instance-type"] = r => FilterValues.One(r.Instance.InstanceType),
        ["instance.group-id"] = r => Groups(r).Select(g => g.GroupId),
        ["instance.group-name"] = r => Groups(r).Select(g => g.GroupName),
        ["group-id"] = r => Groups(r).Select(g => g.GroupId),
        ["group-name"] = r => Groups(r).Select(g => g.GroupName),
        ["ip-address"] = r => FilterValues.One(r.Primary?.PublicIp),
        ["ipv6-address"] = r => All(r, n => n.Ipv6Addresses.Select(a => a.Address)),
        ["key-name"] = r => FilterValues.One(r.Instance.KeyName),
        ["launch-index"] = r => FilterValues.Int(r.Instance.AmiLaunchIndex),
        ["launch-time"] = r => FilterValues.One(Time(r.Instance.LaunchTime)),
        ["metadata-options.http-endpoint"] = _ => FilterValues.One("enabled"),
        ["metadata-options.http-protocol-ipv6"] = _ => FilterValues.One("disabled"),
        ["metadata-options.http-put-response-hop-limit"] = _ => FilterValues.One("1"),
        ["metadata-options.http-tokens"] = _ => FilterValues.One("optional"),
        ["metadata-options.instance-metadata-tags"] = _ => FilterValues.One("disabled"),
        ["monitoring-state"] = r => FilterValues.One(r.Instance.MonitoringEnabled ? "enabled" : "disabled"),
        ["network-interface.addresses.association.ip-owner-id"] = r => All(r, n => FilterValues.One(n.PublicIpOwnerId)),
        ["network-interface.addresses.association.public-ip"] = r => All(r, n => FilterValues.One(n.PublicIp)),
        ["network-interface.addresses.primary"] = r => All(r, n => n.PrivateIpAddresses.Select(p => p.Primary ? "true" : "false")),
        ["network-interface.addresses.private-ip-address"] = r => All(r, n => n.PrivateIpAddresses.Select(p => p.Address)),
        ["network-interface.association.ip-owner-id"] = r => All(r, n => FilterValues.One(n.PublicIpOwnerId)),
        ["network-interface.association.public-ip"] = r => All(r, n => FilterValues.One(n.PublicIp)),
        ["network-interface.attachment.attach-time"] = r => All(r, n => FilterValues.One(n.AttachTime is { } t ? Time(t) : null)),
        ["network-interface.attachment.attachment-id"] = r => All(r, n => FilterValues.One(n.AttachmentId)),
        ["network-interface.attachment.delete-on-termination"] = r => All(r, n => FilterValues.Bool(n.DeleteOnTermination == true)),
        ["network-interface.attachment.device-index"] = r => All(r, n => FilterValues.Int(n.DeviceIndex)),
        ["network-interface.attachment.instance-id"] = r => All(r, n => FilterValues.One(n.AttachedInstanceId)),
        ["network-interface.attachment.instance-owner-id"] = r => All(r, n => FilterValues.One(n.AttachmentInstanceOwnerId)),
        ["network-interface.attachment.network-card-index"] = r => All(r, n => FilterValues.Int(n.NetworkCardIndex)),
        ["network-interface.attachment.status"] = r => All(r, n => FilterValues.One(n.AttachmentStatus)),
        ["network-interface.availability-zone"] = r => All(r, n => FilterValues.One(n.AvailabilityZone)),
        ["network-interface.description"] = r => All(r, n => FilterValues.One(n.Description)),
        ["network-interface.group-id"] = r => All(r, n => n.Groups.Select(g => g.GroupId)),
        ["network-interface.group-name"] = r => All(r, n => n.Groups.Select(g => r.GroupNames.GetValueOrDefault(g.GroupId))),
        ["network-interface.ipv6-address"] = r => All(r, n => n.Ipv6Addresses.Select(a => a.Address)),
        ["network-interface.ipv6-addresses.ipv6-address"] = r => All(r, n => n.Ipv6Addresses.Select(a => a.Address)),
        ["network-interface.mac-address"] = r => All(r, n => FilterValues.One(n.MacAddress)),
        ["network-interface.network-interface-id"] = r => All(r, n => FilterValues.One(n.Id)),
        ["network-interface.owner-id"] = r => All(r, n => FilterValues.One(n.AccountId)),
        ["network-interface.private-dns-name"] = r => All(r, n => n.PrivateIpAddresses.Select(p => NetworkInterfaceViews.PrivateDnsName(p.Address, n.Region))),
        ["network-interface.private-ip-address"] = r => All(r, n => n.PrivateIpAddresses.Select(p => p.Address)),
        ["network-interface.requester-managed"] = r => All(r, n => FilterValues.Bool(n.RequesterManaged)),
        ["network-interface.source-dest-check"] = r => All(r, n => FilterValues.Bool(n.SourceDestCheck)),
        ["network-interface.status"] = r => All(r, n => FilterValues.One(n.Status)),
        ["network-interface.subnet-id"] = r => All(r, n => FilterValues.One(n.SubnetId)),
        ["network-interface.vpc-id"] = r => All(r, n => FilterValues.One(n.VpcId)),
        ["owner-id"] = r => FilterValues.One(r.Instance.AccountId),
        ["placement-group-name"] = _ => [],
        ["placement-partition-number"] = _ => [],
        ["platform"] = _ => [],
        ["platform-details"] = _ => FilterValues.One("Linux/UNIX"),
        ["private-dns-name"] = r => FilterValues.One(r.Primary is { } p && NetworkInterfaceViews.PrivateIps(p).FirstOrDefault() is { } a ? NetworkInterfaceViews.PrivateDnsName(a.Address, r.Instance.Region) : null),
        ["private-ip-address"] = r => FilterValues.One(r.Primary is { } p ? NetworkInterfaceViews.PrivateIps(p).FirstOrDefault()?.Address : null),
        ["product-code"] = _ => [],
        ["ramdisk-id"] = _ => [],
        ["kernel-id"] = _ => [],
        ["reason"] = r => FilterValues.One(r.Instance.StateTransitionReason),
        ["requester-id"] = _ => [],
        ["reservation-id"] = r => FilterValues.One(r.Instance.ReservationId),
        ["root-device-name"] = _ => FilterValues.One(RootDevice),
        ["root-device-type"] = _ => FilterValues.One("ebs"),
        ["source-dest-check"] = r => FilterValues.Bool(r.Primary?.SourceDestCheck ?? true),
        ["spot-instance-request-id"] = _ => [],
        ["state-reason-code"] = _ => [],
        ["state-reason-message"] = _ => [],
        ["subnet-id"] = r => FilterValues.One(r.Instance.SubnetId),
        ["tenancy"] = r => FilterValues.One(r.Instance.Tenancy),
        ["usage-operation"] = _ => FilterValues.One("RunInstances"),
        ["virtualization-type"] = _ => FilterValues.One("hvm"),
        ["vpc-id"] = r => FilterValues.One(r.Instance.VpcId),
    }, r => r.Tags);
}
