namespace ControlPlane.Application.Features.Images;

/// <summary>
/// The public images the emulator knows: a few releases of Amazon Linux 2 and Amazon Linux 2023 (owner alias
/// <c>amazon</c>) and Ubuntu 22.04/24.04 (Canonical, 099720109477), for x86_64 and arm64. Ids are fixed, so a
/// configuration that found one finds it again. RunInstances accepts any well-formed ami- id.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_Image.html
/// </summary>
public static class ImageCatalog
{
    public const string AmazonOwner = "137112412989";
    public const string CanonicalOwner = "099720109477";

    public sealed record Entry(string ImageId, string Name, string Description, string OwnerId, string? OwnerAlias, string Architecture,
        DateTimeOffset CreationDate, string PlatformDetails = "Linux/UNIX", bool Deprecated = false)
    {
        public string Location => $"{OwnerAlias ?? OwnerId}/{Name}";
    }

    public static readonly IReadOnlyList<Entry> Images = Build().ToList();

    private static DateTimeOffset Date(int y, int m, int d) => new(y, m, d, 0, 0, 0, TimeSpan.Zero);

    private static string Id(int n) => $"ami-0{n:x16}";

    private static IEnumerable<Entry> Build()
    {
        var n = 0x5a1000;
        foreach (var date in new[] { Date(2024, 1, 4), Date(2024, 6, 12), Date(2024, 11, 20), Date(2025, 3, 6) })
        {
            var stamp = date.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
            foreach (var arch in new[] { "x86_64", "arm64" })
            {
                yield return new Entry(Id(n++), $"amzn2-ami-hvm-2.0.{stamp}.0-{arch}-gp2", "Amazon Linux 2 AMI 2.0 " + arch + " HVM gp2",
                    AmazonOwner, "amazon", arch, date.AddHours(18), Deprecated: date < Date(2024, 6, 1));
                yield return new Entry(Id(n++), $"al2023-ami-2023.{(date.Year == 2024 ? 3 : 6)}.{stamp}.0-kernel-6.1-{arch}", "Amazon Linux 2023 AMI " + arch,
                    AmazonOwner, "amazon", arch, date.AddHours(20));
            }
        }
        foreach (var (release, code, date) in new[] { ("22.04", "jammy", Date(2024, 9, 27)), ("22.04", "jammy", Date(2025, 2, 14)), ("24.04", "noble", Date(2025, 2, 14)) })
        {
            var stamp = date.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
            foreach (var (arch, label) in new[] { ("x86_64", "amd64"), ("arm64", "arm64") })
            {
                yield return new Entry(Id(n++), $"ubuntu/images/hvm-ssd{(release == "24.04" ? "-gp3" : "")}/ubuntu-{code}-{release}-{label}-server-{stamp}",
                    $"Canonical, Ubuntu, {release}, {label} {code} image", CanonicalOwner, null, arch, date.AddHours(3));
            }
        }
    }
}
