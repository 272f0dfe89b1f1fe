namespace ControlPlane.Application.Features.Instances;

/// <summary>
/// The instance types the emulator offers: the common general purpose, compute and memory families, with the figures
/// AWS publishes (vCPUs, memory, interfaces and addresses per interface). Burstable (t*) types earn CPU credits:
/// t2 launch with <c>standard</c> credits, the later ones with <c>unlimited</c>.
/// https://docs.aws.amazon.com/ec2/latest/instancetypes/gp.html
/// </summary>
public static class InstanceTypeCatalog
{
    public sealed record Info(string Name, int VCpus, int MemoryMiB, string Architecture, int MaxInterfaces, int AddressesPerInterface, bool Burstable, string Hypervisor)
    {
        public string Family => Name[..Name.IndexOf('.')];
        public string Size => Name[(Name.IndexOf('.') + 1)..];
        public string DefaultCredits => Family == "t2" ? "standard" : "unlimited";
        public int Cores => Math.Max(1, VCpus / ThreadsPerCore);
        public int ThreadsPerCore => VCpus == 1 || Architecture == "arm64" ? 1 : 2;
    }

    // (size, vCPUs, memory in GiB*1024, interfaces, addresses per interface)
    private static readonly (string Size, int VCpus, int MemoryMiB, int Enis, int Addresses)[] BurstSizes =
    [
        ("nano", 2, 512, 2, 2), ("micro", 2, 1024, 2, 2), ("small", 2, 2048, 3, 4), ("medium", 2, 4096, 3, 6),
        ("large", 2, 8192, 3, 12), ("xlarge", 4, 16384, 4, 15), ("2xlarge", 8, 32768, 4, 15),
    ];

    private static readonly (string Size, int VCpus, int Enis, int Addresses)[] Sizes =
        [("large", 2, 3, 10), ("xlarge", 4, 4, 15), ("2xlarge", 8, 4, 15), ("4xlarge", 16, 8, 30)];

    public static readonly IReadOnlyDictionary<string, Info> Types = Build().ToDictionary(t => t.Name, StringComparer.Ordinal);

    public static Info? Find(string? name) => name is not null && Types.TryGetValue(name, out var info) ? info : null;

    private static IEnumerable<Info> Build()
    {
        foreach (var family in new[] { "t2", "t3", "t3a", "t4g" })
        {
            var arch = family == "t4g" ? "arm64" : "x86_64";
            foreach (var s in BurstSizes)
            {
                // t2 is the older Xen generation with fewer vCPUs on the small sizes.
                var vcpus = family == "t2" && s.Size is "nano" or "micro" or "small" ? 1 : s.VCpus;
                yield return new Info($"{family}.{s.Size}", vcpus, s.MemoryMiB, arch, s.Enis, s.Addresses, true, family == "t2" ? "xen" : "nitro");
            }
        }
        foreach (var (family, perVcpu) in new[] { ("m5", 4), ("m6i", 4), ("m7g", 4), ("c5", 2), ("c6i", 2), ("c7g", 2), ("r5", 8), ("r6i", 8) })
        {
            var arch = family.EndsWith('g') ? "arm64" : "x86_64";
            foreach (var s in Sizes)
                yield return new Info($"{family}.{s.Size}", s.VCpus, s.VCpus * perVcpu * 1024, arch, s.Enis, s.Addresses, false, "nitro");
        }
    }
}
