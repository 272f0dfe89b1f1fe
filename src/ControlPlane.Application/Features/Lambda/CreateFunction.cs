using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.Lambda;

/// <summary>
/// Creates a function. The code package is stored and measured (CodeSize, CodeSha256), never run; the role is an IAM
/// ARN checked only for its shape (IAM is not emulated). With a VpcConfig the function joins the VPC through the shared
/// <c>lambda</c> interfaces of its subnets and groups (<see cref="LambdaNetwork"/>). The answer shows
/// <c>State: Pending</c>; every read after shows <c>Active</c>. Versions are not emulated: <c>Publish</c> is accepted and
/// the function stays <c>$LATEST</c>.
/// https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html
/// </summary>
[AwsService("lambda")]
public static class CreateFunction
{
    public sealed record Command : ICommand<FunctionConfiguration>
    {
        public string? FunctionName { get; init; }
        public string? Runtime { get; init; }
        public string? Role { get; init; }
        public string? Handler { get; init; }
        public FunctionCode? Code { get; init; }
        public string? Description { get; init; }
        public int? Timeout { get; init; }
        public int? MemorySize { get; init; }
        public bool? Publish { get; init; }
        public VpcConfig? VpcConfig { get; init; }
        public string? PackageType { get; init; }
        public DeadLetterConfig? DeadLetterConfig { get; init; }
        public Environment? Environment { get; init; }
        public string? KMSKeyArn { get; init; }
        public TracingConfig? TracingConfig { get; init; }
        public IReadOnlyDictionary<string, string>? Tags { get; init; }
        public IReadOnlyList<string>? Layers { get; init; }
        public ImageConfig? ImageConfig { get; init; }
        public IReadOnlyList<string>? Architectures { get; init; }
        public EphemeralStorage? EphemeralStorage { get; init; }
        public SnapStart? SnapStart { get; init; }
        public LoggingConfig? LoggingConfig { get; init; }

        public string Package => PackageType ?? "Zip";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.FunctionName ?? "").Must(n => LambdaFunctions.NewFunctionName().IsMatch(n))
                .WithAwsError((_, n) => LambdaErrors.Validation(n, "functionName", "Member must satisfy regular expression pattern: [a-zA-Z0-9-_]{1,64}"));
            RuleFor(c => c.Role ?? "").Must(r => LambdaFunctions.RoleArn().IsMatch(r))
                .WithAwsError((_, r) => LambdaErrors.Validation(r, "role", "Member must satisfy regular expression pattern: " + LambdaFunctions.RolePattern));
            RuleFor(c => c.Package).Must(p => p is "Zip" or "Image")
                .WithAwsError((_, p) => LambdaErrors.Validation(p, "packageType", "Member must satisfy enum value set: [Image, Zip]"));
            RuleFor(c => c.Code).NotNull().WithAwsError((_, _) => LambdaErrors.CodeRequired());
            RuleFor(c => c).Must(c => c.Runtime is not null && c.Handler is not null).When(c => c.Package == "Zip")
                .WithAwsError((_, _) => LambdaErrors.RuntimeAndHandlerRequired());
            this.ValidSettings(c => c.Timeout, c => c.MemorySize, c => c.VpcConfig, c => c.Architectures, c => c.EphemeralStorage);
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, ServiceResourceStore store, ServiceNetwork network)
        : IHandler<Command, FunctionConfiguration>
    {
        public Task<FunctionConfiguration> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var name = command.FunctionName!;
            if (await store.FindAsync(LambdaFunctions.Service, LambdaFunctions.Kind, name, cancellationToken) is not null) throw LambdaErrors.FunctionExists(name);
            var code = LambdaFunctions.Package(command.Code, command.Package);
            var lambdaNetwork = new LambdaNetwork(db, network, store);
            var placement = await lambdaNetwork.ResolveAsync(command.VpcConfig, cancellationToken);
            var interfaces = placement is null ? [] : await lambdaNetwork.AttachAsync(name, placement, cancellationToken);
            var doc = new FunctionDocument
            {
                Runtime = command.Runtime, Role = command.Role!, Handler = command.Handler, Description = command.Description ?? "",
                Timeout = command.Timeout ?? 3, MemorySize = command.MemorySize ?? 128, PackageType = command.Package,
                Architectures = command.Architectures is { Count: > 0 } architectures ? architectures : ["x86_64"], Code = code,
                EnvironmentVariables = command.Environment?.Variables, TracingMode = command.TracingConfig?.Mode ?? "PassThrough",
                DeadLetterTargetArn = command.DeadLetterConfig?.TargetArn, KmsKeyArn = command.KMSKeyArn, Layers = command.Layers ?? [],
                EphemeralStorageSize = command.EphemeralStorage?.Size ?? 512, SnapStartApplyOn = command.SnapStart?.ApplyOn ?? "None",
                LoggingConfig = command.LoggingConfig, ImageConfig = command.ImageConfig,
                SubnetIds = placement?.Subnets.Select(s => s.Id).ToList() ?? [], SecurityGroupIds = placement?.Groups.Select(g => g.Id).ToList() ?? [],
                Ipv6AllowedForDualStack = placement?.Ipv6AllowedForDualStack ?? false, NetworkInterfaceIds = interfaces,
                Tags = command.Tags ?? new Dictionary<string, string>(), RevisionId = Guid.NewGuid().ToString(), LastModified = store.Now,
            };
            var row = store.Add(LambdaFunctions.Service, LambdaFunctions.Kind, name, LambdaFunctions.FunctionArn(store, name), doc, vpcId: placement?.VpcId, state: "Active");
            return LambdaFunctions.Configuration(row, doc, "create");
        }, cancellationToken);
    }
}
