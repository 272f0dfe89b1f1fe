using ControlPlane.Application.Pipeline;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Networking;
using FluentValidation;

namespace ControlPlane.Application.Features.PrefixLists;

/// <summary>
/// The checks CreateManagedPrefixList and ModifyManagedPrefixList share: names, sizes, and entry CIDRs
/// (canonicalised like every CIDR AWS stores, of the list's address family, each at most once).
/// https://docs.aws.amazon.com/vpc/latest/userguide/managed-prefix-lists.html
/// </summary>
public static class PrefixListRules
{
    private static readonly string[] ReservedNamePrefixes = ["com.amazonaws.", "com.amazon.", "com.aws."];
    private const int MaxNameLength = 255;
    private const int MaxDescriptionLength = 255;

    /// <summary>A request adds or removes at most 100 entries of each kind (the model's list bounds).</summary>
    public const int MaxEntryChanges = 100;

    /// <summary>The name rules; on AWS the reserved prefixes include their dot (<c>com.amazonaws-x</c> is allowed).</summary>
    public static AwsException? NameProblem(string name) =>
        name.Length is 0 or > MaxNameLength ? Ec2Errors.PrefixListNameInvalid(name)
        : Array.Exists(ReservedNamePrefixes, p => name.StartsWith(p, StringComparison.Ordinal)) ? Ec2Errors.PrefixListNameReserved()
        : null;

    public static AwsException? MaxEntriesProblem(int value, int limit) =>
        value < 1 || value > limit ? Ec2Errors.PrefixListMaxEntriesInvalid(value, limit) : null;

    /// <summary>Parses entry CIDRs canonically; <paramref name="addressFamily"/> (when known) must match.</summary>
    public static IReadOnlyList<(Cidr Cidr, string? Description)> ParseEntries(IEnumerable<PrefixListShapes.AddPrefixListEntry> entries, string? addressFamily)
    {
        var parsed = new List<(Cidr, string?)>();
        var seen = new HashSet<Cidr>();
        foreach (var entry in entries)
        {
            var cidr = ParseCidr(entry.Cidr, addressFamily);
            if (entry.Description is { Length: > MaxDescriptionLength } description) throw Ec2Errors.PrefixListEntryDescriptionInvalid(description);
            if (!seen.Add(cidr)) throw Ec2Errors.PrefixListDuplicateCidr(cidr.ToString());
            parsed.Add((cidr, entry.Description));
        }
        return parsed;
    }

    public static IReadOnlyList<Cidr> ParseRemovals(IEnumerable<PrefixListShapes.RemovePrefixListEntry> entries, string? addressFamily)
    {
        var parsed = new List<Cidr>();
        foreach (var entry in entries)
        {
            var cidr = ParseCidr(entry.Cidr, addressFamily);
            if (parsed.Contains(cidr)) throw Ec2Errors.PrefixListDuplicateCidr(cidr.ToString());
            parsed.Add(cidr);
        }
        return parsed;
    }

    private static Cidr ParseCidr(string? text, string? addressFamily)
    {
        if (text is null) throw Ec2Errors.MissingParameter("Cidr");
        if (!Cidr.TryParse(text, out var cidr)) throw Ec2Errors.PrefixListCidrInvalid(text);
        if (addressFamily is not null && cidr.IsIpv6 != (addressFamily == PrefixListViews.Ipv6)) throw Ec2Errors.PrefixListCidrWrongFamily(text, addressFamily);
        return cidr;
    }

    /// <summary>The error an entry parse would raise, or null, so a validator reports exactly what the handler would.</summary>
    public static AwsException? Problem(Action parse)
    {
        try
        {
            parse();
            return null;
        }
        catch (AwsException e)
        {
            return e;
        }
    }

    /// <summary>Attaches the first problem a check finds to the validator, with its AWS error.</summary>
    public static void Check<T>(this AbstractValidator<T> validator, Func<T, AwsException?> problem) =>
        validator.RuleFor(c => c).Custom((command, context) =>
        {
            if (problem(command) is not { } error) return;
            context.AddFailure(new FluentValidation.Results.ValidationFailure("PrefixList", error.Message) { CustomState = error });
        });
}
