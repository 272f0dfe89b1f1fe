using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Querying;

/// <summary>
/// AWS tag restrictions: a key of 1-128 characters not starting with <c>aws:</c>, a value of at most 256, and,
/// in TagSpecifications, a resource type the action creates.
/// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Using_Tags.html#tag-restrictions
/// </summary>
public static class TagRules
{
    public static void ValidTags<T>(this AbstractValidator<T> validator, Func<T, IEnumerable<Tag>?> tags)
    {
        validator.RuleForEach(c => tags(c) ?? []).Must(t => !string.IsNullOrEmpty(t.Key))
            .WithAwsError((_, _) => Ec2Errors.MissingParameter("Tag.N.Key"));
        validator.RuleForEach(c => tags(c) ?? []).Must(t => t.Key is null || t.Key.Length <= 128)
            .WithAwsError((_, t) => Ec2Errors.InvalidTagKey($"Tag key exceeds the maximum length of 128 characters: {t.Key}"));
        validator.RuleForEach(c => tags(c) ?? []).Must(t => t.Key is null || !t.Key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            .WithAwsError((_, t) => Ec2Errors.InvalidTagKey($"Tag keys starting with 'aws:' are reserved for internal use: {t.Key}"));
        validator.RuleForEach(c => tags(c) ?? []).Must(t => (t.Value ?? "").Length <= 256)
            .WithAwsError((_, t) => Ec2Errors.InvalidTagKey($"Tag value exceeds the maximum length of 256 characters for key {t.Key}"));
    }

    /// <summary>TagSpecifications of a create action: each names one of the resource types the action creates.</summary>
    public static void ValidTagSpecifications<T>(this AbstractValidator<T> validator, params string[] resourceTypes) where T : ITagged
    {
        validator.RuleForEach(c => c.TagSpecifications ?? []).Must(s => s.ResourceType is not null && resourceTypes.Contains(s.ResourceType))
            .WithAwsError((_, s) => Ec2Errors.InvalidTagResourceType(s.ResourceType ?? ""));
        validator.ValidTags(c => (c.TagSpecifications ?? []).SelectMany(s => s.Tags ?? []));
    }
}
