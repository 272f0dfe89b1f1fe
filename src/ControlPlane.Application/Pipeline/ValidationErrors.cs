using ControlPlane.Domain.Errors;
using FluentValidation;
using FluentValidation.Results;

namespace ControlPlane.Application.Pipeline;

/// <summary>Validators state their AWS error code with <see cref="WithAwsError{T,TProperty}"/>; this turns a failure into that error.</summary>
public static class ValidationErrors
{
    public static AwsException ToAwsException(ValidationFailure failure) =>
        failure.CustomState is AwsException aws
            ? aws
            : new AwsException(failure.ErrorCode is { Length: > 0 } code && !code.EndsWith("Validator", StringComparison.Ordinal) ? code : "InvalidParameterValue", failure.ErrorMessage);

    /// <summary>Attach a catalogue error to a rule: the failure answers exactly that AWS code and message.</summary>
    public static IRuleBuilderOptions<T, TProperty> WithAwsError<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, Func<T, TProperty, AwsException> error) =>
        rule.WithState((command, value) => error(command, value))
            .WithMessage((command, value) => error(command, value).Message);
}
