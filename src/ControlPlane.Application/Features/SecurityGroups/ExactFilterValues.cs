using ControlPlane.Application.Shapes;

namespace ControlPlane.Application.Features.SecurityGroups;

/// <summary>
/// The values of a filter when they are plain (no <c>*</c> or <c>?</c>), so a Describe can narrow its query by them
/// before the filter table decides: Terraform looks groups up by <c>vpc-id</c> + <c>group-name</c> and rules by
/// <c>group-id</c>, and those should not read the whole scope.
/// </summary>
public static class ExactFilterValues
{
    public static IReadOnlyList<string>? Of(IReadOnlyList<Filter>? filters, string name) =>
        filters?.FirstOrDefault(f => f.Name == name) is { Values: { Count: > 0 } values } && values.All(v => v.AsSpan().IndexOfAny('*', '?') < 0)
            ? values
            : null;
}
