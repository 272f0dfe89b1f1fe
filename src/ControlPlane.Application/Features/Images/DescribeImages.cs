using System.Globalization;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;

namespace ControlPlane.Application.Features.Images;

/// <summary>
/// Public images of the built-in catalogue. Owner.N takes account ids and the aliases <c>amazon</c>,
/// <c>aws-marketplace</c> and <c>self</c> (the caller owns no images here). Deprecated images show only with
/// IncludeDeprecated or when asked by id. Terraform's data "aws_ami" filters by name (wildcards) and picks the newest
/// CreationDate.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeImages.html
/// </summary>
public static class DescribeImages
{
    public sealed record Command : ICommand<Result>, IDryRunnable, IPaged
    {
        public IReadOnlyList<string>? ImageIds { get; init; }
        public IReadOnlyList<string>? Owners { get; init; }
        public IReadOnlyList<string>? ExecutableUsers { get; init; }
        public IReadOnlyList<Filter>? Filters { get; init; }
        public bool? IncludeDeprecated { get; init; }
        public bool? IncludeDisabled { get; init; }
        public int? MaxResults { get; init; }
        public string? NextToken { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record EbsBlockDevice(bool DeleteOnTermination, string SnapshotId, int VolumeSize, string VolumeType, bool Encrypted, int Iops, int Throughput);

    public sealed record BlockDeviceMapping(string DeviceName, EbsBlockDevice Ebs);

    public sealed record Image(
        string Architecture,
        string CreationDate,
        string? DeprecationTime,
        string ImageId,
        string ImageLocation,
        string ImageType,
        bool Public,
        string OwnerId,
        string? ImageOwnerAlias,
        string PlatformDetails,
        string UsageOperation,
        string State,
        IReadOnlyList<BlockDeviceMapping> BlockDeviceMappings,
        string Description,
        bool EnaSupport,
        string Hypervisor,
        string Name,
        string RootDeviceName,
        string RootDeviceType,
        string SriovNetSupport,
        string VirtualizationType,
        string BootMode,
        string ImdsSupport);

    public sealed record Result(IReadOnlyList<Image> Images, string? NextToken);

    public sealed class Handler(RequestContext request) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            Ids.RequireWellFormed(command.ImageIds, "ami", Ec2Errors.ImageIdMalformed);
            if (command.ImageIds is { Count: > 0 } && command.MaxResults is not null) throw Ec2Errors.MaxResultsWithIds("ImageIds");
            var match = Filters.Compile(command.Filters);
            var byId = command.ImageIds is { Count: > 0 };
            var entries = ImageCatalog.Images
                .Where(e => !byId || command.ImageIds!.Contains(e.ImageId))
                .Where(e => byId || command.IncludeDeprecated == true || !e.Deprecated)
                .Where(e => command.Owners is not { Count: > 0 } || command.Owners.Any(o => Owns(e, o)))
                .ToList();
            if (byId) Ids.RequireFound(command.ImageIds, entries.Select(e => e.ImageId), Ec2Errors.ImagesNotFound);
            var images = entries.Select(Shape).Where(match);
            var page = Page.Take(images, i => i.ImageId, command, min: 6, max: 1000);
            return Task.FromResult(new Result(page.Items, page.NextToken));
        }

        private bool Owns(ImageCatalog.Entry e, string owner) => owner switch
        {
            "self" => request.AccountId == e.OwnerId,
            "amazon" or "aws-marketplace" or "aws-backup-vault" => e.OwnerAlias == owner,
            _ => e.OwnerId == owner,
        };
    }

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static Image Shape(ImageCatalog.Entry e) => new(
        e.Architecture, Iso(e.CreationDate), e.Deprecated ? Iso(e.CreationDate.AddMonths(6)) : null, e.ImageId, e.Location, "machine", true, e.OwnerId, e.OwnerAlias,
        e.PlatformDetails, "RunInstances", "available",
        [new BlockDeviceMapping(e.OwnerAlias == "amazon" ? "/dev/xvda" : "/dev/sda1", new EbsBlockDevice(true, "snap-0" + e.ImageId[5..], 8, "gp2", false, 100, 0))],
        e.Description, true, "xen", e.Name, e.OwnerAlias == "amazon" ? "/dev/xvda" : "/dev/sda1", "ebs", "simple", "hvm",
        e.Architecture == "arm64" ? "uefi" : "uefi-preferred", "v2.0");

    private static readonly FilterTable<Image> Filters = new(new Dictionary<string, Func<Image, IEnumerable<string?>>>
    {
        ["architecture"] = i => FilterValues.One(i.Architecture),
        ["block-device-mapping.delete-on-termination"] = i => i.BlockDeviceMappings.Select(b => b.Ebs.DeleteOnTermination ? "true" : "false"),
        ["block-device-mapping.device-name"] = i => i.BlockDeviceMappings.Select(b => b.DeviceName),
        ["block-device-mapping.snapshot-id"] = i => i.BlockDeviceMappings.Select(b => b.Ebs.SnapshotId),
        ["block-device-mapping.volume-size"] = i => i.BlockDeviceMappings.Select(b => b.Ebs.VolumeSize.ToString(CultureInfo.InvariantCulture)),
        ["block-device-mapping.volume-type"] = i => i.BlockDeviceMappings.Select(b => b.Ebs.VolumeType),
        ["block-device-mapping.encrypted"] = i => i.BlockDeviceMappings.Select(b => b.Ebs.Encrypted ? "true" : "false"),
        ["creation-date"] = i => FilterValues.One(i.CreationDate),
        ["description"] = i => FilterValues.One(i.Description),
        ["ena-support"] = i => FilterValues.Bool(i.EnaSupport),
        ["hypervisor"] = i => FilterValues.One(i.Hypervisor),
        ["image-allowed"] = _ => FilterValues.Bool(true),
        ["image-id"] = i => FilterValues.One(i.ImageId),
        ["image-type"] = i => FilterValues.One(i.ImageType),
        ["imds-support"] = i => FilterValues.One(i.ImdsSupport),
        ["is-public"] = i => FilterValues.Bool(i.Public),
        ["kernel-id"] = _ => [],
        ["manifest-location"] = i => FilterValues.One(i.ImageLocation),
        ["name"] = i => FilterValues.One(i.Name),
        ["owner-alias"] = i => FilterValues.One(i.ImageOwnerAlias),
        ["owner-id"] = i => FilterValues.One(i.OwnerId),
        ["platform"] = _ => [],
        ["platform-details"] = i => FilterValues.One(i.PlatformDetails),
        ["product-code"] = _ => [],
        ["product-code.type"] = _ => [],
        ["ramdisk-id"] = _ => [],
        ["root-device-name"] = i => FilterValues.One(i.RootDeviceName),
        ["root-device-type"] = i => FilterValues.One(i.RootDeviceType),
        ["source-image-id"] = _ => [],
        ["source-image-region"] = _ => [],
        ["source-instance-id"] = _ => [],
        ["state"] = i => FilterValues.One(i.State),
        ["state-reason-code"] = _ => [],
        ["state-reason-message"] = _ => [],
        ["sriov-net-support"] = i => FilterValues.One(i.SriovNetSupport),
        ["usage-operation"] = i => FilterValues.One(i.UsageOperation),
        ["virtualization-type"] = i => FilterValues.One(i.VirtualizationType),
    }, null);
}
