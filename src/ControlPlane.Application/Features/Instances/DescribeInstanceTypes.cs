using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.Instances;

/// <summary>
/// The instance types of the built-in catalogue. Terraform reads the launched type on every refresh and reads credit
/// specifications only when <c>burstablePerformanceSupported</c> is true.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstanceTypes.html
/// </summary>
public static class DescribeInstanceTypes
{
    public sealed record Command : ICommand<Result>, IDryRunnable, IPaged
    {
        public IReadOnlyList<string>? InstanceTypes { get; init; }
        public IReadOnlyList<Filter>? Filters { get; init; }
        public int? MaxResults { get; init; }
        public string? NextToken { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record VCpuInfo(int DefaultVCpus, int DefaultCores, int DefaultThreadsPerCore, IReadOnlyList<int> ValidCores, IReadOnlyList<int> ValidThreadsPerCore);

    public sealed record MemoryInfo(long SizeInMiB);

    public sealed record ProcessorInfo(IReadOnlyList<string> SupportedArchitectures, double SustainedClockSpeedInGhz, string Manufacturer);

    public sealed record NetworkInfo(string NetworkPerformance, int MaximumNetworkInterfaces, int MaximumNetworkCards, int DefaultNetworkCardIndex,
        int Ipv4AddressesPerInterface, int Ipv6AddressesPerInterface, bool Ipv6Supported, string EnaSupport, bool EfaSupported, bool EncryptionInTransitSupported);

    public sealed record EbsInfo(string EbsOptimizedSupport, string EncryptionSupport, string NvmeSupport);

    public sealed record PlacementGroupInfo(IReadOnlyList<string> SupportedStrategies);

    public sealed record InstanceTypeInfo(
        string InstanceType,
        bool CurrentGeneration,
        bool FreeTierEligible,
        IReadOnlyList<string> SupportedUsageClasses,
        IReadOnlyList<string> SupportedRootDeviceTypes,
        IReadOnlyList<string> SupportedVirtualizationTypes,
        bool BareMetal,
        string Hypervisor,
        ProcessorInfo ProcessorInfo,
        VCpuInfo VCpuInfo,
        MemoryInfo MemoryInfo,
        bool InstanceStorageSupported,
        EbsInfo EbsInfo,
        NetworkInfo NetworkInfo,
        PlacementGroupInfo PlacementGroupInfo,
        bool HibernationSupported,
        bool BurstablePerformanceSupported,
        bool DedicatedHostsSupported,
        bool AutoRecoverySupported,
        IReadOnlyList<string> SupportedBootModes);

    public sealed record Result(IReadOnlyList<InstanceTypeInfo> InstanceTypes, string? NextToken);

    public sealed class Handler : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var match = Filters.Compile(command.Filters);
            if (command.InstanceTypes is { Count: > 0 } asked && asked.Where(t => InstanceTypeCatalog.Find(t) is null).ToList() is { Count: > 0 } unknown)
                throw Ec2Errors.InvalidInstanceType(unknown);
            var types = InstanceTypeCatalog.Types.Values.Where(t => command.InstanceTypes is not { Count: > 0 } || command.InstanceTypes.Contains(t.Name))
                .Select(Shape).Where(match);
            var page = Page.Take(types, t => t.InstanceType, command, min: 5, max: 100);
            return Task.FromResult(new Result(page.Items, page.NextToken));
        }
    }

    public static InstanceTypeInfo Shape(InstanceTypeCatalog.Info t) => new(
        t.Name, CurrentGeneration: true, FreeTierEligible: t.Name is "t2.micro" or "t3.micro" or "t4g.micro",
        ["on-demand", "spot"], ["ebs"], ["hvm"], BareMetal: false, t.Hypervisor,
        new ProcessorInfo([t.Architecture], t.Architecture == "arm64" ? 2.5 : 3.1, t.Architecture == "arm64" ? "AWS" : t.Family.EndsWith('a') ? "AMD" : "Intel"),
        new VCpuInfo(t.VCpus, t.Cores, t.ThreadsPerCore, Enumerable.Range(1, t.Cores).ToList(), t.ThreadsPerCore == 2 ? [1, 2] : [1]),
        new MemoryInfo(t.MemoryMiB), InstanceStorageSupported: false,
        new EbsInfo(t.Family == "t2" ? "unsupported" : "default", "supported", t.Family == "t2" ? "unsupported" : "required"),
        new NetworkInfo(t.Burstable ? "Up to 5 Gigabit" : "Up to 10 Gigabit", t.MaxInterfaces, 1, 0, t.AddressesPerInterface, t.AddressesPerInterface, true,
            t.Family == "t2" ? "unsupported" : "required", false, false),
        new PlacementGroupInfo(["partition", "spread"]), HibernationSupported: true, t.Burstable, DedicatedHostsSupported: !t.Burstable,
        AutoRecoverySupported: true, t.Architecture == "arm64" ? ["uefi"] : ["legacy-bios", "uefi"]);

    private static IEnumerable<string?> Bool(bool v) => FilterValues.Bool(v);

    private static readonly FilterTable<InstanceTypeInfo> Filters = new(new Dictionary<string, Func<InstanceTypeInfo, IEnumerable<string?>>>
    {
        ["auto-recovery-supported"] = t => Bool(t.AutoRecoverySupported),
        ["bare-metal"] = t => Bool(t.BareMetal),
        ["burstable-performance-supported"] = t => Bool(t.BurstablePerformanceSupported),
        ["current-generation"] = t => Bool(t.CurrentGeneration),
        ["dedicated-hosts-supported"] = t => Bool(t.DedicatedHostsSupported),
        ["ebs-info.ebs-optimized-support"] = t => FilterValues.One(t.EbsInfo.EbsOptimizedSupport),
        ["ebs-info.encryption-support"] = t => FilterValues.One(t.EbsInfo.EncryptionSupport),
        ["ebs-info.nvme-support"] = t => FilterValues.One(t.EbsInfo.NvmeSupport),
        ["free-tier-eligible"] = t => Bool(t.FreeTierEligible),
        ["hibernation-supported"] = t => Bool(t.HibernationSupported),
        ["hypervisor"] = t => FilterValues.One(t.Hypervisor),
        ["instance-storage-supported"] = t => Bool(t.InstanceStorageSupported),
        ["instance-type"] = t => FilterValues.One(t.InstanceType),
        ["memory-info.size-in-mib"] = t => FilterValues.One(t.MemoryInfo.SizeInMiB.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ["network-info.efa-supported"] = t => Bool(t.NetworkInfo.EfaSupported),
        ["network-info.ena-support"] = t => FilterValues.One(t.NetworkInfo.EnaSupport),
        ["network-info.ipv4-addresses-per-interface"] = t => FilterValues.Int(t.NetworkInfo.Ipv4AddressesPerInterface),
        ["network-info.ipv6-addresses-per-interface"] = t => FilterValues.Int(t.NetworkInfo.Ipv6AddressesPerInterface),
        ["network-info.ipv6-supported"] = t => Bool(t.NetworkInfo.Ipv6Supported),
        ["network-info.maximum-network-cards"] = t => FilterValues.Int(t.NetworkInfo.MaximumNetworkCards),
        ["network-info.maximum-network-interfaces"] = t => FilterValues.Int(t.NetworkInfo.MaximumNetworkInterfaces),
        ["network-info.network-performance"] = t => FilterValues.One(t.NetworkInfo.NetworkPerformance),
        ["processor-info.manufacturer"] = t => FilterValues.One(t.ProcessorInfo.Manufacturer),
        ["processor-info.supported-architecture"] = t => t.ProcessorInfo.SupportedArchitectures,
        ["supported-boot-mode"] = t => t.SupportedBootModes,
        ["supported-root-device-type"] = t => t.SupportedRootDeviceTypes,
        ["supported-usage-class"] = t => t.SupportedUsageClasses,
        ["supported-virtualization-type"] = t => t.SupportedVirtualizationTypes,
        ["vcpu-info.default-cores"] = t => FilterValues.Int(t.VCpuInfo.DefaultCores),
        ["vcpu-info.default-threads-per-core"] = t => FilterValues.Int(t.VCpuInfo.DefaultThreadsPerCore),
        ["vcpu-info.default-vcpus"] = t => FilterValues.Int(t.VCpuInfo.DefaultVCpus),
    }, null);
}
