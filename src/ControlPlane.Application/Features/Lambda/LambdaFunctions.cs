using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ControlPlane.Application.Services;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Model;

namespace ControlPlane.Application.Features.Lambda;

/// <summary>
/// What the function actions share: how a <c>FunctionName</c> (a name, a partial ARN <c>123456789012:function:name</c>
/// or a full ARN, optionally with <c>:$LATEST</c>) finds the function, how the code package is measured, and how a
/// stored function is shown.
/// https://docs.aws.amazon.com/lambda/latest/api/API_GetFunction.html#API_GetFunction_RequestSyntax
/// </summary>
public static partial class LambdaFunctions
{
    public const string Service = "lambda";
    public const string Kind = "function";
    public const string Latest = "$LATEST";

    /// <summary>The model's pattern for FunctionName, with the parts named.</summary>
    [GeneratedRegex(@"^(?:arn:aws[a-zA-Z-]*:lambda:(?<region>[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d):(?<account>\d{12}):function:|(?<account>\d{12}):function:)?(?<name>[a-zA-Z0-9_-]+)(?::(?<qualifier>\$LATEST|[a-zA-Z0-9_-]+))?$")]
    private static partial Regex FunctionNamePattern();

    [GeneratedRegex(@"^[a-zA-Z0-9_-]{1,64}$")]
    public static partial Regex NewFunctionName();

    [GeneratedRegex(@"^arn:(aws[a-zA-Z-]*)?:iam::\d{12}:role/?[a-zA-Z_0-9+=,.@\-_/]+$")]
    public static partial Regex RoleArn();

    public const string RolePattern = @"arn:(aws[a-zA-Z-]*)?:iam::\d{12}:role/?[a-zA-Z_0-9+=,.@\-_/]+";

    public static bool IsFunctionName(string? value) => value is { Length: > 0 and <= 256 } && FunctionNamePattern().IsMatch(value);

    public static string FunctionArn(ServiceResourceStore store, string name) => store.Arn(Service, $"{Kind}:{name}");

    /// <summary>
    /// The function a FunctionName names in the request's scope. An ARN of another account or region, a qualifier
    /// other than <c>$LATEST</c> (versions and aliases are not emulated) or an unknown name is Lambda's ResourceNotFoundException.
    /// </summary>
    public static async Task<ServiceResource> FindAsync(ServiceResourceStore store, string functionName, CancellationToken cancellationToken, string? qualifier = null)
    {
        var match = FunctionNamePattern().Match(functionName);
        if (!match.Success) throw LambdaErrors.Validation(functionName, "functionName", "Member must satisfy regular expression pattern: " + FunctionNamePattern());
        var name = match.Groups["name"].Value;
        var arn = FunctionArn(store, name);
        if ((match.Groups["region"].Success && match.Groups["region"].Value != store.Region)
            || (match.Groups["account"].Success && match.Groups["account"].Value != store.AccountId))
            throw LambdaErrors.FunctionNotFound(functionName);
        var wanted = qualifier ?? (match.Groups["qualifier"].Success ? match.Groups["qualifier"].Value : null);
        var row = await store.FindAsync(Service, Kind, name, cancellationToken) ?? throw LambdaErrors.FunctionNotFound(arn);
        if (wanted is not null && wanted != Latest) throw LambdaErrors.QualifierNotFound(arn, wanted);
        return row;
    }

    /// <summary>
    /// Measures the code package as Lambda does: <c>CodeSize</c> in bytes and <c>CodeSha256</c> the base64 SHA-256 of the
    /// .zip. A .zip upload must be a readable archive. ControlPlane has no S3, so a package named by S3 location is
    /// recorded by its location (hashed as text, size 0); an image is recorded by its URI (Lambda shows the image digest).
    /// </summary>
    public static FunctionCodeDocument Package(FunctionCode? code, string packageType)
    {
        if (packageType == "Image")
        {
            var uri = code?.ImageUri ?? throw LambdaErrors.ImageUriRequired();
            return new FunctionCodeDocument(null, null, null, null, uri, 0, Hash(Encoding.UTF8.GetBytes(uri)));
        }
        if (code?.ZipFile is { } zip)
        {
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(zip);
                using var archive = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
                _ = archive.Entries.Count;
            }
            catch (Exception e) when (e is FormatException or InvalidDataException)
            {
                throw LambdaErrors.InvalidZipFile();
            }
            return new FunctionCodeDocument(zip, null, null, null, null, bytes.Length, Hash(bytes));
        }
        if (code is { S3Bucket: { } bucket, S3Key: { } key })
        {
            var location = $"s3://{bucket}/{key}" + (code.S3ObjectVersion is { } v ? $"?versionId={v}" : "");
            return new FunctionCodeDocument(null, bucket, key, code.S3ObjectVersion, null, 0, Hash(Encoding.UTF8.GetBytes(location)));
        }
        throw LambdaErrors.CodeRequired();
    }

    private static string Hash(byte[] bytes) => Convert.ToBase64String(SHA256.HashData(bytes));

    /// <summary>Lambda's LastModified: <c>2026-11-24T09:00:00.000+0000</c>.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);

    /// <summary>
    /// The function's configuration. Lambda answers a create with <c>State: Pending</c> (reason <c>Creating</c>) and an
    /// update with <c>LastUpdateStatus: InProgress</c>; the emulator's work is done at once, so every later read shows
    /// <c>Active</c> / <c>Successful</c> and the <c>function_active_v2</c> / <c>function_updated_v2</c> waiters pass.
    /// </summary>
    public static FunctionConfiguration Configuration(ServiceResource row, FunctionDocument doc, string view = "read")
    {
        var name = row.Name;
        return new FunctionConfiguration
        {
            FunctionName = name,
            FunctionArn = row.Arn,
            Runtime = doc.Runtime,
            Role = doc.Role,
            Handler = doc.Handler,
            CodeSize = doc.Code.CodeSize,
            Description = doc.Description,
            Timeout = doc.Timeout,
            MemorySize = doc.MemorySize,
            LastModified = Timestamp(doc.LastModified),
            CodeSha256 = doc.Code.CodeSha256,
            Version = Latest,
            VpcConfig = doc.SubnetIds.Count == 0 ? null : new VpcConfigResponse(doc.SubnetIds, doc.SecurityGroupIds, row.VpcId ?? "", doc.Ipv6AllowedForDualStack),
            DeadLetterConfig = doc.DeadLetterTargetArn is { } dlq ? new DeadLetterConfig(dlq) : null,
            Environment = doc.EnvironmentVariables is { Count: > 0 } variables ? new EnvironmentResponse(variables) : null,
            KMSKeyArn = doc.KmsKeyArn,
            TracingConfig = new TracingConfig(doc.TracingMode),
            RevisionId = doc.RevisionId,
            Layers = doc.Layers.Count == 0 ? null : doc.Layers.Select(arn => new Layer(arn, 0)).ToList(),
            State = view == "create" ? "Pending" : "Active",
            StateReason = view == "create" ? "The function is being created." : null,
            StateReasonCode = view == "create" ? "Creating" : null,
            LastUpdateStatus = view switch { "create" => null, "update" => "InProgress", _ => "Successful" },
            LastUpdateStatusReason = view == "update" ? "The function is being created." : null,
            LastUpdateStatusReasonCode = view == "update" ? "Creating" : null,
            PackageType = doc.PackageType,
            ImageConfigResponse = doc.ImageConfig is { } image ? new ImageConfigResponse(image) : null,
            Architectures = doc.Architectures,
            EphemeralStorage = new EphemeralStorage(doc.EphemeralStorageSize),
            SnapStart = new SnapStartResponse(doc.SnapStartApplyOn, "Off"),
            LoggingConfig = new LoggingConfig(doc.LoggingConfig?.LogFormat ?? "Text", doc.LoggingConfig?.ApplicationLogLevel,
                doc.LoggingConfig?.SystemLogLevel, doc.LoggingConfig?.LogGroup ?? $"/aws/lambda/{name}"),
        };
    }

    /// <summary>Where GetFunction says the code can be downloaded (a pre-signed S3 URL at AWS), or the image.</summary>
    public static FunctionCodeLocation CodeLocation(ServiceResource row, FunctionDocument doc, string region, string accountId) =>
        doc.Code.ImageUri is { } image
            ? new FunctionCodeLocation("ECR", null, image, image)
            : new FunctionCodeLocation("S3", $"https://awslambda-{region}-tasks.s3.{region}.amazonaws.com/snapshots/{accountId}/{row.Name}-{doc.RevisionId}", null, null);
}
