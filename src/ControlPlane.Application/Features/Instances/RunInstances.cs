using ControlPlane.Application.Features.NetworkInterfaces;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using ControlPlane.Domain.Model;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SecurityGroup = ControlPlane.Domain.Model.SecurityGroup;
using Subnet = ControlPlane.Domain.Model.Subnet;
using Vpc = ControlPlane.Domain.Model.Vpc;

namespace ControlPlane.Application.Features.Instances;

/// <summary>
/// Launches instances: as many of MaxCount as the instance quota allows (InstanceLimitExceeded when fewer than MinCount
/// fit). Each gets a primary interface (device index 0, deleted on termination) in its subnet, built with the same group
/// and address rules as CreateNetworkInterface; no subnet given: the default VPC's default subnet of the requested zone
/// (or the first). Public IPv4 addresses (subnet MapPublicIpOnLaunch or AssociatePublicIpAddress) come from 3.0.0.0/8,
/// unique across the emulator. The answer shows the instances <c>pending</c>; Describe shows them <c>running</c>.
/// A ClientToken makes the launch idempotent: the same token answers the same reservation.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RunInstances.html
/// </summary>
public static class RunInstances
{
    public sealed record Command : ICommand<InstanceShapes.Reservation>, IDryRunnable, ITagged
    {
        public string? ImageId { get; init; }
        public string? InstanceType { get; init; }
        public int? MinCount { get; init; }
        public int? MaxCount { get; init; }
        public string? SubnetId { get; init; }
        public IReadOnlyList<string>? SecurityGroupIds { get; init; }
        public IReadOnlyList<string>? SecurityGroups { get; init; }
        public string? PrivateIpAddress { get; init; }
        public IReadOnlyList<InstanceShapes.InstanceNetworkInterfaceSpecification>? NetworkInterfaces { get; init; }
        public InstanceShapes.Placement? Placement { get; init; }
        public string? UserData { get; init; }
        public string? KeyName { get; init; }
        public bool? DisableApiTermination { get; init; }
        public bool? DisableApiStop { get; init; }
        public bool? EbsOptimized { get; init; }
        public InstanceShapes.RunInstancesMonitoringEnabled? Monitoring { get; init; }
        public InstanceShapes.CreditSpecificationRequest? CreditSpecification { get; init; }
        public string? InstanceInitiatedShutdownBehavior { get; init; }
        public string? ClientToken { get; init; }
        public int? Ipv6AddressCount { get; init; }
        public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
        public bool? DryRun { get; init; }

        public string? Zone => string.IsNullOrEmpty(Placement?.AvailabilityZone) ? null : Placement.AvailabilityZone;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ImageId).NotEmpty().WithAwsError((_, _) => Ec2Errors.MissingParameter("ImageId"));
            RuleFor(c => c.ImageId).Must(id => string.IsNullOrEmpty(id) || ResourceIds.IsWellFormed(id, "ami")).WithAwsError((_, id) => Ec2Errors.ImageIdMalformed(id!));
            RuleFor(c => c.MinCount).NotNull().WithAwsError((_, _) => Ec2Errors.MissingParameter("MinCount"));
            RuleFor(c => c.MaxCount).NotNull().WithAwsError((_, _) => Ec2Errors.MissingParameter("MaxCount"));
            RuleFor(c => c.MinCount).GreaterThan(0).WithAwsError((_, n) => Ec2Errors.InvalidCount("minCount", n ?? 0));
            RuleFor(c => c.MaxCount).GreaterThan(0).WithAwsError((_, n) => Ec2Errors.InvalidCount("maxCount", n ?? 0));
            RuleFor(c => c).Must(c => c.MinCount is null || c.MaxCount is null || c.MinCount <= c.MaxCount).WithAwsError((_, _) => Ec2Errors.MinCountAboveMaxCount());
            RuleFor(c => c.InstanceType).Must(t => t is null || InstanceTypeCatalog.Find(t) is not null).WithAwsError((_, t) => Ec2Errors.UnknownInstanceType(t!));
            RuleFor(c => c.SubnetId).Must(id => id is null || ResourceIds.IsWellFormed(id, ResourceIds.Subnet)).WithAwsError((_, id) => Ec2Errors.SubnetIdMalformed(id!));
            this.ValidGroupIds(c => c.SecurityGroupIds);
            RuleFor(c => c.PrivateIpAddress).Must(a => a is null || InterfaceRules.IsIpv4(a)).WithAwsError((_, a) => Ec2Errors.InvalidIpAddress(a!));
            RuleFor(c => c.InstanceInitiatedShutdownBehavior).Must(b => b is null or "stop" or "terminate")
                .WithAwsError((_, b) => Ec2Errors.InvalidParameterValue(b!, "InstanceInitiatedShutdownBehavior"));
            RuleFor(c => c.CreditSpecification).Must(s => s?.CpuCredits is null or "standard" or "unlimited")
                .WithAwsError((_, s) => Ec2Errors.InvalidParameterValue(s!.CpuCredits!, "CreditSpecification.CpuCredits"));
            RuleFor(c => c).Must(c => c.NetworkInterfaces is not { Count: > 0 } || c.SubnetId is null).WithAwsError((_, _) => Ec2Errors.NetworkInterfacesWithSubnet());
            RuleFor(c => c).Must(c => c.NetworkInterfaces is not { Count: > 0 } || (c.SecurityGroupIds is not { Count: > 0 } && c.SecurityGroups is not { Count: > 0 }))
                .WithAwsError((_, _) => Ec2Errors.NetworkInterfacesWithGroups());
            RuleFor(c => c).Must(c => c.NetworkInterfaces is not { Count: > 0 } || c.PrivateIpAddress is null).WithAwsError((_, _) => Ec2Errors.NetworkInterfacesWithPrivateIp());
            RuleFor(c => c).Must(c => c.MaxCount is not > 1 || (c.PrivateIpAddress is null && (c.NetworkInterfaces ?? []).All(n => n.RequestedPrimary() is null && n.NetworkInterfaceId is null)))
                .WithAwsError((_, _) => Ec2Errors.PrivateIpWithSeveralInstances());
            RuleForEach(c => c.NetworkInterfaces).Must(n => n.DeviceIndex is >= 0).WithAwsError((_, n) => Ec2Errors.MissingParameter("NetworkInterface.N.DeviceIndex"));
            RuleForEach(c => c.NetworkInterfaces).Must(n => n.NetworkInterfaceId is null || ResourceIds.IsWellFormed(n.NetworkInterfaceId, ResourceIds.NetworkInterface))
                .WithAwsError((_, n) => Ec2Errors.NetworkInterfaceIdMalformed(n.NetworkInterfaceId!));
            RuleForEach(c => c.NetworkInterfaces).Must(n => n.PrivateIpAddress is null || InterfaceRules.IsIpv4(n.PrivateIpAddress))
                .WithAwsError((_, n) => Ec2Errors.InvalidIpAddress(n.PrivateIpAddress!));
            RuleForEach(c => c.NetworkInterfaces).Must(n => (n.PrivateIpAddresses ?? []).All(p => p.PrivateIpAddress is null || InterfaceRules.IsIpv4(p.PrivateIpAddress)))
                .WithAwsError((_, n) => Ec2Errors.InvalidIpAddress(n.PrivateIpAddresses!.First(p => p.PrivateIpAddress is not null && !InterfaceRules.IsIpv4(p.PrivateIpAddress)).PrivateIpAddress!));
            RuleFor(c => c).Must(c => (c.NetworkInterfaces ?? []).Select(n => n.DeviceIndex).Distinct().Count() == (c.NetworkInterfaces?.Count ?? 0))
                .WithAwsError((_, _) => Ec2Errors.InvalidParameterValue("Each network interface requires a unique device index."));
            RuleFor(c => c).Must(c => c.NetworkInterfaces is not { Count: > 0 } || c.NetworkInterfaces.Any(n => n.DeviceIndex == 0))
                .WithAwsError((_, _) => Ec2Errors.InvalidParameterValue("A network interface at device index 0 is required."));
            this.ValidTagSpecifications(InstanceViews.ResourceType, InstanceViews.VolumeResourceType, NetworkInterfaceViews.ResourceType);
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, TagStore tags, RequestContext request, IIdGenerator ids,
        IOptions<ControlPlaneOptions> options, TimeProvider time) : IHandler<Command, InstanceShapes.Reservation>
    {
        public Task<InstanceShapes.Reservation> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var quotas = options.Value.Quotas;
            if (command.ClientToken is { Length: > 0 } token)
            {
                var earlier = await db.Instances.AsNoTracking().Where(i => i.ClientToken == token).ToListAsync(cancellationToken);
                if (earlier.Count > 0)
                {
                    var rows = await db.LoadRowsAsync(tags, earlier, cancellationToken);
                    return Reservation(rows, null);
                }
            }

            var specs = command.NetworkInterfaces ?? [];
            var primarySpec = specs.FirstOrDefault(n => n.DeviceIndex == 0);
            var existingPrimary = await ExistingAsync(primarySpec, cancellationToken);
            var subnet = await ResolveSubnetAsync(command, existingPrimary?.SubnetId ?? primarySpec?.SubnetId ?? command.SubnetId, cancellationToken);
            var vpc = await db.Vpcs.AsNoTracking().FirstAsync(v => v.Id == subnet.VpcId, cancellationToken);
            var plans = new List<Plan>
            {
                new(0, primarySpec, existingPrimary, subnet,
                    existingPrimary is null ? await ResolveGroupsAsync(command, primarySpec, subnet, vpc, quotas.SecurityGroupsPerInterface, cancellationToken) : []),
            };
            foreach (var spec in specs.Where(n => n.DeviceIndex > 0).OrderBy(n => n.DeviceIndex))
                plans.Add(await PlanSecondaryAsync(spec, subnet, quotas.SecurityGroupsPerInterface, cancellationToken));

            var active = (await db.Instances.AsNoTracking().Select(i => i.State).ToListAsync(cancellationToken)).Count(s => s != "terminated");
            var room = quotas.InstancesPerRegion - active;
            if (room < command.MinCount!.Value) throw Ec2Errors.InstanceLimitExceeded(quotas.InstancesPerRegion);
            var count = Math.Min(command.MaxCount!.Value, room);
            if (await db.NetworkInterfaces.CountAsync(cancellationToken) + count * plans.Count(p => p.Existing is null) > quotas.NetworkInterfacesPerRegion)
                throw Ec2Errors.NetworkInterfaceLimitExceeded();

            var type = InstanceTypeCatalog.Find(command.InstanceType ?? "m1.small") ?? InstanceTypeCatalog.Types["t2.micro"];
            if (plans.Count > type.MaxInterfaces) throw Ec2Errors.InvalidParameterValue($"{plans.Count}", "networkInterfaces");
            var now = time.GetUtcNow();
            var reservationId = ids.NewId(ResourceIds.Reservation);
            var used = new Dictionary<string, (List<string> V4, List<string> V6)>(StringComparer.Ordinal);
            foreach (var id in plans.Where(p => p.Existing is null).Select(p => p.Subnet.Id).Distinct())
                used[id] = (await db.UsedIpv4Async(id, cancellationToken), await db.UsedIpv6Async(id, cancellationToken));
            var publicIps = new HashSet<string>(await db.NetworkInterfaces.IgnoreQueryFilters().Where(n => n.PublicIp != null).Select(n => n.PublicIp!).ToListAsync(cancellationToken), StringComparer.Ordinal);
            var instances = new List<Instance>();
            for (var index = 0; index < count; index++)
            {
                var instance = new Instance
                {
                    AccountId = request.AccountId, Region = request.Region, Id = ids.NewId(ResourceIds.Instance), ReservationId = reservationId,
                    ImageId = command.ImageId!, InstanceType = type.Name, SubnetId = subnet.Id, VpcId = subnet.VpcId, AvailabilityZone = subnet.AvailabilityZone,
                    State = "running", LaunchTime = now, KeyName = command.KeyName, Architecture = type.Architecture,
                    Tenancy = command.Placement?.Tenancy is { Length: > 0 } tenancy ? tenancy : "default",
                    EbsOptimized = command.EbsOptimized ?? false, MonitoringEnabled = command.Monitoring?.Enabled ?? false,
                    DisableApiTermination = command.DisableApiTermination ?? false, DisableApiStop = command.DisableApiStop ?? false,
                    InstanceInitiatedShutdownBehavior = command.InstanceInitiatedShutdownBehavior ?? "stop", UserData = command.UserData,
                    CpuCredits = type.Burstable ? command.CreditSpecification?.CpuCredits ?? type.DefaultCredits : null,
                    ClientToken = string.IsNullOrEmpty(command.ClientToken) ? null : command.ClientToken,
                    RootVolumeId = ids.NewId(ResourceIds.Volume), AmiLaunchIndex = index,
                };
                db.Instances.Add(instance);
                instances.Add(instance);

                foreach (var plan in plans)
                {
                    if (plan.Existing is { } existing)
                    {
                        Attach(existing, instance, plan.DeviceIndex, plan.Spec?.DeleteOnTermination ?? false, now);
                        continue;
                    }
                    var eni = new NetworkInterface
                    {
                        AccountId = request.AccountId, Region = request.Region, Id = ids.NewId(ResourceIds.NetworkInterface), SubnetId = plan.Subnet.Id,
                        VpcId = plan.Subnet.VpcId, AvailabilityZone = plan.Subnet.AvailabilityZone, Description = plan.Spec?.Description ?? "",
                        InterfaceType = "interface", MacAddress = MacAddresses.New(), Status = "in-use",
                    };
                    eni.SetGroups(plan.Groups);
                    var primary = plan.DeviceIndex == 0;
                    var (v4, v6) = used[plan.Subnet.Id];
                    AddAddresses(eni, plan.Subnet, primary ? command.PrivateIpAddress ?? plan.Spec?.RequestedPrimary() : plan.Spec?.RequestedPrimary(),
                        plan.Spec?.RequestedSecondaries() ?? [], plan.Spec?.SecondaryPrivateIpAddressCount ?? 0,
                        plan.Spec?.Ipv6AddressCount ?? (primary ? command.Ipv6AddressCount : null), v4, v6);
                    // A public address goes to the primary interface only, and only when the launch has no other interface.
                    if (primary && (plan.Spec?.AssociatePublicIpAddress ?? (plans.Count == 1 && plan.Subnet.MapPublicIpOnLaunch)))
                    {
                        eni.PublicIp = NewPublicIp(publicIps);
                        eni.PublicIpOwnerId = "amazon";
                    }
                    Attach(eni, instance, plan.DeviceIndex, plan.Spec?.DeleteOnTermination ?? true, now);
                    db.NetworkInterfaces.Add(eni);
                    await tags.ApplyAsync(command.TagSpecifications, NetworkInterfaceViews.ResourceType, eni.Id, quotas.TagsPerResource, cancellationToken);
                }
                await tags.ApplyAsync(command.TagSpecifications, InstanceViews.ResourceType, instance.Id, quotas.TagsPerResource, cancellationToken);
                await tags.ApplyAsync(command.TagSpecifications, InstanceViews.VolumeResourceType, instance.RootVolumeId, quotas.TagsPerResource, cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            var loaded = await db.LoadRowsAsync(tags, instances, cancellationToken);
            return Reservation(loaded, "pending");
        }, cancellationToken);

        private InstanceShapes.Reservation Reservation(List<InstanceViews.Row> rows, string? state) =>
            new(rows[0].Instance.ReservationId, request.AccountId, [], rows.OrderBy(r => r.Instance.AmiLaunchIndex).Select(r => InstanceViews.ToShape(r, state)).ToList());

        private sealed record Plan(int DeviceIndex, InstanceShapes.InstanceNetworkInterfaceSpecification? Spec, NetworkInterface? Existing, Subnet Subnet,
            IReadOnlyList<SecurityGroup> Groups);

        /// <summary>An existing interface named in the launch: free and user-managed.</summary>
        private async Task<NetworkInterface?> ExistingAsync(InstanceShapes.InstanceNetworkInterfaceSpecification? spec, CancellationToken cancellationToken)
        {
            if (spec?.NetworkInterfaceId is not { } id) return null;
            var eni = await db.FindInterfaceAsync(id, cancellationToken);
            if (eni.AttachmentId is not null) throw Ec2Errors.NetworkInterfaceAttached(eni.Id);
            return eni.RequireUserManaged();
        }

        /// <summary>An interface at device index 1 or more: existing, or new in its own subnet of the primary's zone.</summary>
        private async Task<Plan> PlanSecondaryAsync(InstanceShapes.InstanceNetworkInterfaceSpecification spec, Subnet primary, int limit, CancellationToken cancellationToken)
        {
            if (await ExistingAsync(spec, cancellationToken) is { } existing)
            {
                if (existing.AvailabilityZone != primary.AvailabilityZone) throw Ec2Errors.InvalidParameterValue(existing.Id, "networkInterfaceId");
                return new Plan(spec.DeviceIndex!.Value, spec, existing, primary, []);
            }
            var subnetId = spec.SubnetId ?? throw Ec2Errors.MissingParameter("NetworkInterface.N.SubnetId");
            var subnet = await db.Subnets.AsNoTracking().Include(s => s.Ipv6CidrBlocks).FirstOrDefaultAsync(s => s.Id == subnetId, cancellationToken)
                ?? throw Ec2Errors.SubnetNotFound(subnetId);
            if (subnet.AvailabilityZone != primary.AvailabilityZone) throw Ec2Errors.InvalidParameterValue(subnetId, "subnetId");
            var groups = await db.ResolveInterfaceGroupsAsync(spec.Groups, subnet.VpcId, subnet.Id, limit, cancellationToken);
            return new Plan(spec.DeviceIndex!.Value, spec, null, subnet, groups);
        }

        private static void Attach(NetworkInterface eni, Instance instance, int deviceIndex, bool deleteOnTermination, DateTimeOffset now) =>
            eni.AttachTo(instance.Id, instance.AccountId, InstanceAttachments.NewAttachmentId(), deviceIndex, deleteOnTermination, now);

        private async Task<Subnet> ResolveSubnetAsync(Command command, string? subnetId, CancellationToken cancellationToken)
        {
            var subnets = db.Subnets.AsNoTracking().Include(s => s.Ipv6CidrBlocks);
            if (subnetId is not null)
            {
                var subnet = await subnets.FirstOrDefaultAsync(s => s.Id == subnetId, cancellationToken) ?? throw Ec2Errors.SubnetNotFound(subnetId);
                if (command.Zone is { } zone && zone != subnet.AvailabilityZone) throw Ec2Errors.InvalidParameterValue(zone, "availabilityZone");
                return subnet;
            }
            var defaultVpc = await db.Vpcs.AsNoTracking().Where(v => v.IsDefault).Select(v => v.Id).FirstOrDefaultAsync(cancellationToken)
                ?? throw Ec2Errors.VpcIdNotSpecified();
            var candidates = await subnets.Where(s => s.VpcId == defaultVpc && s.DefaultForAz).ToListAsync(cancellationToken);
            if (command.Zone is { } z)
            {
                return candidates.FirstOrDefault(s => s.AvailabilityZone == z)
                    ?? throw Ec2Errors.InvalidAvailabilityZone(z, candidates.Select(s => s.AvailabilityZone).Order(StringComparer.Ordinal));
            }
            return candidates.OrderBy(s => s.AvailabilityZone, StringComparer.Ordinal).FirstOrDefault() ?? throw Ec2Errors.VpcIdNotSpecified();
        }

        private async Task<IReadOnlyList<SecurityGroup>> ResolveGroupsAsync(Command command, InstanceShapes.InstanceNetworkInterfaceSpecification? primary,
            Subnet subnet, Vpc vpc, int limit, CancellationToken cancellationToken)
        {
            var idsRequested = (primary?.Groups ?? command.SecurityGroupIds ?? []).ToList();
            if (command.SecurityGroups is { Count: > 0 } names)
            {
                if (!vpc.IsDefault) throw command.SubnetId is not null ? Ec2Errors.GroupNameWithSubnet() : Ec2Errors.GroupNameOutsideDefaultVpc(names[0]);
                var normalized = names.Select(SecurityGroup.Normalize).Distinct().ToList();
                var found = await db.SecurityGroups.AsNoTracking().Where(g => g.VpcId == vpc.Id && normalized.Contains(g.NormalizedName)).ToListAsync(cancellationToken);
                if (names.FirstOrDefault(n => found.All(g => g.NormalizedName != SecurityGroup.Normalize(n))) is { } missing)
                    throw Ec2Errors.SecurityGroupNotFoundInDefaultVpc(missing);
                idsRequested.AddRange(found.Select(g => g.Id));
            }
            return await db.ResolveInterfaceGroupsAsync(idsRequested, subnet.VpcId, subnet.Id, limit, cancellationToken);
        }

        private static void AddAddresses(NetworkInterface eni, Subnet subnet, string? requested, IReadOnlyList<string> requestedSecondaries, int secondary,
            int? ipv6Count, List<string> usedV4, List<string> usedV6)
        {
            var block = InterfaceQueries.Ipv4Block(subnet);
            var asked = (requested is null ? requestedSecondaries : [requested, .. requestedSecondaries]).Select(a => block.RequireAssignable(a, subnet.Id)).ToList();
            var taken = block.TakeIpv4(usedV4, asked, (requested is null ? 1 : 0) + secondary, subnet.Id);
            usedV4.AddRange(taken);
            eni.PrivateIpAddresses.AddRange(taken.Select((a, i) => new NetworkInterfacePrivateIp { NetworkInterfaceId = eni.Id, SubnetId = subnet.Id, Address = a, Primary = i == 0 }));
            var v6 = ipv6Count ?? (subnet.AssignIpv6AddressOnCreation ? 1 : 0);
            if (v6 <= 0) return;
            var v6Taken = InterfaceQueries.Ipv6Block(subnet).TakeIpv6(usedV6, [], v6, subnet.Id);
            usedV6.AddRange(v6Taken);
            eni.Ipv6Addresses.AddRange(v6Taken.Select(a => new NetworkInterfaceIpv6Address { NetworkInterfaceId = eni.Id, SubnetId = subnet.Id, Address = a }));
        }

        /// <summary>A free address of 3.0.0.0/8 (an AWS public range), never one another interface holds in any account.</summary>
        private static string NewPublicIp(HashSet<string> used)
        {
            while (true)
            {
                var address = $"3.{Random.Shared.Next(0, 256)}.{Random.Shared.Next(0, 256)}.{Random.Shared.Next(1, 255)}";
                if (used.Add(address)) return address;
            }
        }
    }
}
