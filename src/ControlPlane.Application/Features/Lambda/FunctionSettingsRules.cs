using System.Linq.Expressions;
using ControlPlane.Application.Pipeline;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.Lambda;

/// <summary>
/// The model constraints Lambda's front end checks on a function's settings (CreateFunction and
/// UpdateFunctionConfiguration), answered as its <c>ValidationException</c>.
/// </summary>
public static class FunctionSettingsRules
{
    public static void ValidSettings<T>(this AbstractValidator<T> validator, Expression<Func<T, int?>> timeout, Expression<Func<T, int?>> memorySize,
        Expression<Func<T, VpcConfig?>> vpcConfig, Expression<Func<T, IReadOnlyList<string>?>>? architectures = null,
        Expression<Func<T, EphemeralStorage?>>? ephemeralStorage = null)
    {
        validator.RuleFor(timeout).Must(t => t is null or >= 1 and <= 900)
            .WithAwsError((_, t) => t < 1
                ? LambdaErrors.Validation($"{t}", "timeout", "Member must have value greater than or equal to 1")
                : LambdaErrors.InvalidParameterValue($"Timeout value must be less than or equal to 900"));
        validator.RuleFor(memorySize).Must(m => m is null or >= 128 and <= 10240)
            .WithAwsError((_, m) => LambdaErrors.Validation($"{m}", "memorySize", m < 128 ? "Member must have value greater than or equal to 128" : "Member must have value less than or equal to 10240"));
        validator.RuleFor(vpcConfig).Must(v => v?.SubnetIds is null or { Count: <= 16 })
            .WithAwsError((_, v) => LambdaErrors.Validation($"[{string.Join(", ", v!.SubnetIds!)}]", "vpcConfig.subnetIds", "Member must have length less than or equal to 16"));
        validator.RuleFor(vpcConfig).Must(v => v?.SecurityGroupIds is null or { Count: <= 5 })
            .WithAwsError((_, v) => LambdaErrors.Validation($"[{string.Join(", ", v!.SecurityGroupIds!)}]", "vpcConfig.securityGroupIds", "Member must have length less than or equal to 5"));
        if (architectures is not null)
        {
            validator.RuleFor(architectures).Must(a => a is null || (a.Count == 1 && a[0] is "x86_64" or "arm64"))
                .WithAwsError((_, a) => LambdaErrors.Validation($"[{string.Join(", ", a!)}]", "architectures", "Member must have length 1 and satisfy enum value set: [x86_64, arm64]"));
        }
        if (ephemeralStorage is not null)
        {
            validator.RuleFor(ephemeralStorage).Must(e => e is null or { Size: >= 512 and <= 10240 })
                .WithAwsError((_, e) => LambdaErrors.Validation($"{e!.Size}", "ephemeralStorage.size", "Member must have value between 512 and 10240"));
        }
    }
}
