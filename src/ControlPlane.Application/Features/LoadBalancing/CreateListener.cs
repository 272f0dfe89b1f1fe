using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using FluentValidation;

namespace ControlPlane.Application.Features.LoadBalancing;

/// <summary>
/// Creates a listener on a port of a load balancer with its default actions: HTTP/HTTPS on an ALB, TCP/TLS/UDP/TCP_UDP
/// on an NLB, neither port nor protocol on a GWLB. HTTPS and TLS listeners need a certificate ARN (kept as given; there
/// is no certificate manager). Another listener on the port is <c>DuplicateListener</c>, unless it has the same
/// settings, which answers it, as AWS does.
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateListener.html
/// </summary>
[AwsService("elbv2")]
public static class CreateListener
{
    public sealed record Command : ICommand<Result>
    {
        public string? LoadBalancerArn { get; init; }
        public string? Protocol { get; init; }
        public int? Port { get; init; }
        public string? SslPolicy { get; init; }
        public IReadOnlyList<Certificate>? Certificates { get; init; }
        public IReadOnlyList<ListenerAction>? DefaultActions { get; init; }
        public IReadOnlyList<string>? AlpnPolicy { get; init; }
        public IReadOnlyList<ResourceTag>? Tags { get; init; }
    }

    public sealed record Result(IReadOnlyList<Listener> Listeners);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Port).InclusiveBetween(1, 65535).When(c => c.Port is not null)
                .WithAwsError((_, p) => ElbErrors.Validation($"Port '{p}' must be between 1 and 65535"));
            RuleFor(c => c.Certificates).NotEmpty().When(c => c.Protocol is "HTTPS" or "TLS")
                .WithAwsError((_, _) => ElbErrors.CertificateRequired());
        }
    }

    public sealed class Handler(ScopeWriter writer, ServiceResourceStore store, IIdGenerator ids) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var loadBalancer = await LoadBalancers.FindAsync(store, command.LoadBalancerArn!, cancellationToken);
            var type = ServiceResourceStore.Read<LoadBalancerDocument>(loadBalancer).Type;
            Listeners.CheckProtocol(type, command.Protocol, command.Port);
            var actions = await Listeners.ToDocumentsAsync(store, loadBalancer, command.Protocol, command.DefaultActions ?? [], cancellationToken);
            var secure = command.Protocol is "HTTPS" or "TLS";
            var listener = new ListenerDocument
            {
                Port = command.Port, Protocol = command.Protocol, DefaultActions = actions,
                SslPolicy = secure ? command.SslPolicy ?? Listeners.DefaultSslPolicy : null,
                CertificateArns = (command.Certificates ?? []).Select(c => c.CertificateArn ?? "").ToList(),
                AlpnPolicy = command.AlpnPolicy is { Count: > 0 } alpn ? alpn.ToList() : null,
                Attributes = Listeners.DefaultAttributes(command.Protocol), Tags = LoadBalancingTags.FromRequest(command.Tags),
            };

            foreach (var other in await store.ChildrenAsync(loadBalancer.Arn, cancellationToken))
            {
                var existing = ServiceResourceStore.Read<ListenerDocument>(other);
                if (existing.Port != command.Port) continue;
                var same = existing.Protocol == listener.Protocol && existing.DefaultActions.SequenceEqual(listener.DefaultActions, ActionComparer.Instance);
                if (!same) throw ElbErrors.DuplicateListener();
                return new Result([Listeners.ToShape(other, existing)]);
            }

            var id = LoadBalancers.NewHexId(ids);
            var row = store.Add(LoadBalancers.Service, Listeners.Kind, id, Listeners.Arn(store, loadBalancer, id), listener,
                vpcId: loadBalancer.VpcId, parentArn: loadBalancer.Arn, state: "active");
            return new Result([Listeners.ToShape(row, listener)]);
        }, cancellationToken);
    }

    /// <summary>Two actions are the same when they send the same traffic the same way.</summary>
    private sealed class ActionComparer : IEqualityComparer<ActionDocument>
    {
        public static readonly ActionComparer Instance = new();

        public bool Equals(ActionDocument? x, ActionDocument? y) =>
            x is not null && y is not null && x.Type == y.Type && x.TargetGroupArns().SequenceEqual(y.TargetGroupArns())
            && x.Redirect == y.Redirect && x.FixedResponse == y.FixedResponse;

        public int GetHashCode(ActionDocument obj) => obj.Type.GetHashCode(StringComparison.Ordinal);
    }
}
