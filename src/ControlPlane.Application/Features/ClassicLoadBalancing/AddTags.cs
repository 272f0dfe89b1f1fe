using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.ClassicLoadBalancing;

/// <summary>
/// Adds tags to one Classic Load Balancer (a key already there takes the new value; at most 10 per load balancer).
/// https://docs.aws.amazon.com/elasticloadbalancing/2012-06-01/APIReference/API_AddTags.html
/// </summary>
[AwsService("elb")]
public static class AddTags
{
    public sealed record Command : ICommand<Empty>
    {
        public IReadOnlyList<string>? LoadBalancerNames { get; init; }
        public IReadOnlyList<Tag>? Tags { get; init; }
    }

    public sealed class Handler(ScopeWriter writer, ServiceResourceStore store) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            if (command.LoadBalancerNames is not { Count: 1 } names) throw ClassicElbErrors.Validation("Exactly one load balancer name must be specified");
            var added = new List<ClassicTagDocument>();
            foreach (var tag in command.Tags ?? [])
            {
                if (string.IsNullOrEmpty(tag.Key)) throw ClassicElbErrors.Validation("A tag key must be specified");
                if (added.Any(t => t.Key == tag.Key)) throw ClassicElbErrors.DuplicateTagKeys(tag.Key);
                added.Add(new ClassicTagDocument(tag.Key, tag.Value ?? ""));
            }
            var row = await ClassicLoadBalancers.FindAsync(store, names[0], cancellationToken);
            var document = ServiceResourceStore.Read<ClassicLoadBalancerDocument>(row);
            var tags = document.Tags.Where(t => added.All(a => a.Key != t.Key)).Concat(added).ToList();
            if (tags.Count > 10) throw ClassicElbErrors.TooManyTags();
            ServiceResourceStore.Write(row, document with { Tags = tags });
            return Empty.Instance;
        }, cancellationToken);
    }
}
