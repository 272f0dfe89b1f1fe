using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.Lambda;

/// <summary>
/// Changes a function's settings; members left out keep their values. A new VpcConfig moves the function to the shared
/// interfaces of its new subnets and groups (new groups mean other interfaces, as at AWS) and releases the old ones no
/// function uses any more; an empty VpcConfig takes the function out of the VPC. A RevisionId that is not the current
/// one is PreconditionFailedException. The answer shows <c>LastUpdateStatus: InProgress</c>, later reads <c>Successful</c>.
/// https://docs.aws.amazon.com/lambda/latest/api/API_UpdateFunctionConfiguration.html
/// </summary>
[AwsService("lambda")]
public static class UpdateFunctionConfiguration
{
    public sealed record Command : ICommand<FunctionConfiguration>
    {
        public string? FunctionName { get; init; }
        public string? Role { get; init; }
        public string? Handler { get; init; }
        public string? Description { get; init; }
        public int? Timeout { get; init; }
        public int? MemorySize { get; init; }
        public VpcConfig? VpcConfig { get; init; }
        public Environment? Environment { get; init; }
        public string? Runtime { get; init; }
        public DeadLetterConfig? DeadLetterConfig { get; init; }
        public string? KMSKeyArn { get; init; }
        public TracingConfig? TracingConfig { get; init; }
        public string? RevisionId { get; init; }
        public IReadOnlyList<string>? Layers { get; init; }
        public EphemeralStorage? EphemeralStorage { get; init; }
        public ImageConfig? ImageConfig { get; init; }
        public SnapStart? SnapStart { get; init; }
        public LoggingConfig? LoggingConfig { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Role!).Must(r => LambdaFunctions.RoleArn().IsMatch(r)).When(c => c.Role is not null)
                .WithAwsError((_, r) => LambdaErrors.Validation(r, "role", "Member must satisfy regular expression pattern: " + LambdaFunctions.RolePattern));
            this.ValidSettings(c => c.Timeout, c => c.MemorySize, c => c.VpcConfig, ephemeralStorage: c => c.EphemeralStorage);
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, ServiceResourceStore store, ServiceNetwork network)
        : IHandler<Command, FunctionConfiguration>
    {
        public Task<FunctionConfiguration> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var row = await LambdaFunctions.FindAsync(store, command.FunctionName!, cancellationToken);
            var doc = ServiceResourceStore.Read<FunctionDocument>(row);
            if (command.RevisionId is { } revision && revision != doc.RevisionId) throw LambdaErrors.InvalidRevision(revision);

            if (command.VpcConfig is { } vpcConfig)
            {
                var lambdaNetwork = new LambdaNetwork(db, network, store);
                var placement = await lambdaNetwork.ResolveAsync(vpcConfig, cancellationToken);
                var interfaces = placement is null ? [] : await lambdaNetwork.AttachAsync(row.Name, placement, cancellationToken);
                await lambdaNetwork.ReleaseAsync(row.Arn, doc.NetworkInterfaceIds, interfaces.ToHashSet(StringComparer.Ordinal), cancellationToken);
                row.VpcId = placement?.VpcId;
                doc = doc with
                {
                    SubnetIds = placement?.Subnets.Select(s => s.Id).ToList() ?? [], SecurityGroupIds = placement?.Groups.Select(g => g.Id).ToList() ?? [],
                    Ipv6AllowedForDualStack = placement?.Ipv6AllowedForDualStack ?? false, NetworkInterfaceIds = interfaces,
                };
            }

            doc = doc with
            {
                Role = command.Role ?? doc.Role, Handler = command.Handler ?? doc.Handler, Description = command.Description ?? doc.Description,
                Timeout = command.Timeout ?? doc.Timeout, MemorySize = command.MemorySize ?? doc.MemorySize, Runtime = command.Runtime ?? doc.Runtime,
                EnvironmentVariables = command.Environment is { } environment ? environment.Variables : doc.EnvironmentVariables,
                DeadLetterTargetArn = command.DeadLetterConfig is { } dlq ? NullIfEmpty(dlq.TargetArn) : doc.DeadLetterTargetArn,
                KmsKeyArn = command.KMSKeyArn is { } kms ? NullIfEmpty(kms) : doc.KmsKeyArn,
                TracingMode = command.TracingConfig?.Mode ?? doc.TracingMode, Layers = command.Layers ?? doc.Layers,
                EphemeralStorageSize = command.EphemeralStorage?.Size ?? doc.EphemeralStorageSize, ImageConfig = command.ImageConfig ?? doc.ImageConfig,
                SnapStartApplyOn = command.SnapStart?.ApplyOn ?? doc.SnapStartApplyOn, LoggingConfig = command.LoggingConfig ?? doc.LoggingConfig,
                RevisionId = Guid.NewGuid().ToString(), LastModified = store.Now,
            };
            ServiceResourceStore.Write(row, doc);
            return LambdaFunctions.Configuration(row, doc, "update");
        }, cancellationToken);

        private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }
}
