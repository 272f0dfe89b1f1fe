using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.Lambda;

/// <summary>
/// Replaces a function's code package (a .zip, an S3 location or, for an image function, an image URI); the new
/// package is stored and measured, never run. <c>DryRun</c> checks the request and changes nothing.
/// https://docs.aws.amazon.com/lambda/latest/api/API_UpdateFunctionCode.html
/// </summary>
[AwsService("lambda")]
public static class UpdateFunctionCode
{
    public sealed record Command : ICommand<FunctionConfiguration>
    {
        public string? FunctionName { get; init; }
        public string? ZipFile { get; init; }
        public string? S3Bucket { get; init; }
        public string? S3Key { get; init; }
        public string? S3ObjectVersion { get; init; }
        public string? ImageUri { get; init; }
        public bool? Publish { get; init; }
        public bool? DryRun { get; init; }
        public string? RevisionId { get; init; }
        public IReadOnlyList<string>? Architectures { get; init; }
    }

    public sealed class Handler(ScopeWriter writer, ServiceResourceStore store) : IHandler<Command, FunctionConfiguration>
    {
        public Task<FunctionConfiguration> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var row = await LambdaFunctions.FindAsync(store, command.FunctionName!, cancellationToken);
            var doc = ServiceResourceStore.Read<FunctionDocument>(row);
            if (command.RevisionId is { } revision && revision != doc.RevisionId) throw LambdaErrors.InvalidRevision(revision);
            var code = LambdaFunctions.Package(new FunctionCode(command.ZipFile, command.S3Bucket, command.S3Key, command.S3ObjectVersion, command.ImageUri), doc.PackageType);
            if (command.DryRun == true) return LambdaFunctions.Configuration(row, doc);
            doc = doc with
            {
                Code = code, Architectures = command.Architectures is { Count: > 0 } architectures ? architectures : doc.Architectures,
                RevisionId = Guid.NewGuid().ToString(), LastModified = store.Now,
            };
            ServiceResourceStore.Write(row, doc);
            return LambdaFunctions.Configuration(row, doc, "update");
        }, cancellationToken);
    }
}
