using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.Instances;

/// <summary>
/// EBS volumes as far as instances have them: the root volume of every instance not terminated, derived from the
/// instance (gp3, 3000 IOPS, 125 MiB/s, attached at /dev/xvda, deleted on termination). Terraform reads it by id.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVolumes.html
/// </summary>
public static class DescribeVolumes
{
    public sealed record Command : ICommand<Result>, IDryRunnable, IPaged
    {
        public IReadOnlyList<string>? VolumeIds { get; init; }
        public IReadOnlyList<Filter>? Filters { get; init; }
        public int? MaxResults { get; init; }
        public string? NextToken { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record VolumeAttachment(DateTimeOffset AttachTime, string Device, string InstanceId, string State, string VolumeId, bool DeleteOnTermination);

    public sealed record Volume(
        IReadOnlyList<VolumeAttachment> Attachments,
        string AvailabilityZone,
        string? AvailabilityZoneId,
        DateTimeOffset CreateTime,
        bool Encrypted,
        int Size,
        string SnapshotId,
        string State,
        string VolumeId,
        int Iops,
        IReadOnlyList<Tag> Tags,
        string VolumeType,
        bool MultiAttachEnabled,
        int Throughput);

    public sealed record Result(IReadOnlyList<Volume> Volumes, string? NextToken);

    public sealed class Handler(ControlPlaneDbContext db, TagStore tags) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            Ids.RequireWellFormed(command.VolumeIds, ResourceIds.Volume, Ec2Errors.VolumeIdMalformed);
            if (command.VolumeIds is { Count: > 0 } && command.MaxResults is not null) throw Ec2Errors.MaxResultsWithIds("VolumeIds");
            var match = Filters.Compile(command.Filters);
            var query = db.Instances.AsNoTracking().Where(i => i.State != "terminated");
            if (command.VolumeIds is { Count: > 0 } ids) query = query.Where(i => ids.Contains(i.RootVolumeId));
            var instances = await query.ToListAsync(cancellationToken);
            Ids.RequireFound(command.VolumeIds, instances.Select(i => i.RootVolumeId), Ec2Errors.VolumesNotFound);
            var tagsOf = await tags.LoadAsync(instances.Select(i => i.RootVolumeId).ToList(), cancellationToken);
            var volumes = instances.Select(i => new Volume(
                [new VolumeAttachment(i.LaunchTime, InstanceViews.RootDevice, i.Id, "attached", i.RootVolumeId, true)],
                i.AvailabilityZone, InstanceViews.ZoneId(i.Region, i.AvailabilityZone), i.LaunchTime, false, i.RootVolumeSize, "", "in-use",
                i.RootVolumeId, 3000, tagsOf(i.RootVolumeId), "gp3", false, 125)).Where(match);
            var page = Page.Take(volumes, v => v.VolumeId, command, min: 5, max: 500);
            return new Result(page.Items, page.NextToken);
        }
    }

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static readonly FilterTable<Volume> Filters = new(new Dictionary<string, Func<Volume, IEnumerable<string?>>>
    {
        ["attachment.attach-time"] = v => v.Attachments.Select(a => Time(a.AttachTime)),
        ["attachment.delete-on-termination"] = v => v.Attachments.Select(a => a.DeleteOnTermination ? "true" : "false"),
        ["attachment.device"] = v => v.Attachments.Select(a => a.Device),
        ["attachment.instance-id"] = v => v.Attachments.Select(a => a.InstanceId),
        ["attachment.status"] = v => v.Attachments.Select(a => a.State),
        ["availability-zone"] = v => FilterValues.One(v.AvailabilityZone),
        ["availability-zone-id"] = v => FilterValues.One(v.AvailabilityZoneId),
        ["create-time"] = v => FilterValues.One(Time(v.CreateTime)),
        ["encrypted"] = v => FilterValues.Bool(v.Encrypted),
        ["fast-restored"] = _ => FilterValues.Bool(false),
        ["multi-attach-enabled"] = v => FilterValues.Bool(v.MultiAttachEnabled),
        ["size"] = v => FilterValues.Int(v.Size),
        ["snapshot-id"] = v => FilterValues.One(v.SnapshotId),
        ["status"] = v => FilterValues.One(v.State),
        ["volume-id"] = v => FilterValues.One(v.VolumeId),
        ["volume-type"] = v => FilterValues.One(v.VolumeType),
    }, v => v.Tags);
}
