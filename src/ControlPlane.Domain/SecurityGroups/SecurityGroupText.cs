using ControlPlane.Domain.Model;

namespace ControlPlane.Domain.SecurityGroups;

/// <summary>
/// What AWS accepts as a group name, a group description and a rule description: at most 255 characters from
/// a-z, A-Z, 0-9, spaces and <c>._-:/()#,@[]+=&amp;;{}!$*</c> (rule descriptions without <c>&amp;</c>); a group name may
/// not look like a group id (<c>sg-…</c>) and <c>default</c> is reserved.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpRange.html
/// </summary>
public static class SecurityGroupText
{
    public const int MaxLength = 255;
    public const string GroupCharacters = "a-zA-Z0-9. _-:/()#,@[]+=&;{}!$*";
    public const string RuleDescriptionCharacters = "a-zA-Z0-9. _-:/()#,@[]+=;{}!$*";

    private const string GroupSymbols = " ._-:/()#,@[]+=&;{}!$*";
    private const string RuleSymbols = " ._-:/()#,@[]+=;{}!$*";

    /// <summary>AWS drops trailing spaces from a group name.</summary>
    public static string TrimName(string name) => name.TrimEnd(' ');

    public static bool IsReservedName(string name) => name == SecurityGroup.DefaultName;

    public static bool LooksLikeGroupId(string name) => name.StartsWith("sg-", StringComparison.Ordinal);

    /// <summary>Group names and group descriptions.</summary>
    public static bool IsValidGroupText(string text) => IsValid(text, GroupSymbols);

    public static bool IsValidRuleDescription(string text) => IsValid(text, RuleSymbols);

    private static bool IsValid(string text, string symbols) =>
        text.Length <= MaxLength && text.All(c => char.IsAsciiLetterOrDigit(c) || symbols.Contains(c));
}
