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
    public static AwsException? Check(Tag tag) => tag switch
    {
        { Key: null or "" } => Ec2Errors.MissingParameter("Tag.N.Key"),
        { Key.Length: > 128 } => Ec2Errors.InvalidTagKey($"Tag key exceeds the maximum length of 128 characters: {tag.Key}"),
        _ when tag.Key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase) =>
            Ec2Errors.InvalidTagKey($"Tag keys starting with 'aws:' are reserved for internal use: {tag.Key}"),
        { Value.Length: > 256 } => Ec2Errors.InvalidTagKey($"Tag value exceeds the maximum length of 256 characters for key {tag.Key}"),
        _ => null,
    };

    public static void ValidTags<T>(this AbstractValidator<T> validator, Func<T, IEnumerable<Tag>?> tags) =>
        validator.RuleFor(c => c).Custom((command, context) =>
        {
            foreach (var tag in tags(command) ?? [])
            {
                if (Check(tag) is not { } error) continue;
                context.AddFailure(new FluentValidation.Results.ValidationFailure("Tag", error.Message) { CustomState = error });
                return;
            }
        });

    /// <summary>TagSpecifications of a create action: each names one of the resource types the action creates.</summary>
    public static void ValidTagSpecifications<T>(this AbstractValidator<T> validator, params string[] resourceTypes) where T : ITagged
    {
        validator.RuleFor(c => c).Custom((command, context) =>
        {
            var wrong = (command.TagSpecifications ?? []).FirstOrDefault(s => s.ResourceType is null || !resourceTypes.Contains(s.ResourceType));
            if (wrong is null) return;
            var error = Ec2Errors.InvalidTagResourceType(wrong.ResourceType ?? "");
            context.AddFailure(new FluentValidation.Results.ValidationFailure("TagSpecification", error.Message) { CustomState = error });
        });
        validator.ValidTags(c => (c.TagSpecifications ?? []).SelectMany(s => s.Tags ?? []));
    }
}
