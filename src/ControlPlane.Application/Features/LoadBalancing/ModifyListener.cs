using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.LoadBalancing;

/// <summary>
/// Changes a listener's port, protocol, certificates, SSL policy or default actions; what the request leaves out stays.
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_ModifyListener.html
/// </summary>
[AwsService("elbv2")]
public static class ModifyListener
{
    public sealed record Command : ICommand<Result>
    {
        public string? ListenerArn { get; init; }
        public int? Port { get; init; }
        public string? Protocol { get; init; }
        public string? SslPolicy { get; init; }
        public IReadOnlyList<Certificate>? Certificates { get; init; }
        public IReadOnlyList<ListenerAction>? DefaultActions { get; init; }
        public IReadOnlyList<string>? AlpnPolicy { get; init; }
    }

    public sealed record Result(IReadOnlyList<Listener> Listeners);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Port).InclusiveBetween(1, 65535).When(c => c.Port is not null)
                .WithAwsError((_, p) => ElbErrors.Validation($"Port '{p}' must be between 1 and 65535"));
        }
    }

    public sealed class Handler(ScopeWriter writer, ServiceResourceStore store) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var row = await Listeners.FindAsync(store, command.ListenerArn!, cancellationToken);
            var listener = ServiceResourceStore.Read<ListenerDocument>(row);
            var loadBalancer = await LoadBalancers.FindAsync(store, row.ParentArn!, cancellationToken);
            var type = ServiceResourceStore.Read<LoadBalancerDocument>(loadBalancer).Type;
            var port = command.Port ?? listener.Port;
            var protocol = command.Protocol ?? listener.Protocol;
            Listeners.CheckProtocol(type, protocol, port);
            var secure = protocol is "HTTPS" or "TLS";
            var certificates = command.Certificates is { } given ? given.Select(c => c.CertificateArn ?? "").ToList() : listener.CertificateArns;
            if (secure && certificates.Count == 0) throw ElbErrors.CertificateRequired();
            var actions = command.DefaultActions is { Count: > 0 } defaults
                ? await Listeners.ToDocumentsAsync(store, loadBalancer, protocol, defaults, cancellationToken)
                : listener.DefaultActions;
            if (port != listener.Port)
            {
                foreach (var other in await store.ChildrenAsync(loadBalancer.Arn, cancellationToken))
                {
                    if (other.Arn != row.Arn && ServiceResourceStore.Read<ListenerDocument>(other).Port == port) throw ElbErrors.DuplicateListener();
                }
            }
            var updated = listener with
            {
                Port = port, Protocol = protocol, DefaultActions = actions, CertificateArns = secure ? certificates : [],
                SslPolicy = secure ? command.SslPolicy ?? listener.SslPolicy ?? Listeners.DefaultSslPolicy : null,
                AlpnPolicy = command.AlpnPolicy is { Count: > 0 } alpn ? alpn.ToList() : listener.AlpnPolicy,
                Attributes = protocol == listener.Protocol ? listener.Attributes : Listeners.DefaultAttributes(protocol),
            };
            ServiceResourceStore.Write(row, updated);
            return new Result([Listeners.ToShape(row, updated)]);
        }, cancellationToken);
    }
}
