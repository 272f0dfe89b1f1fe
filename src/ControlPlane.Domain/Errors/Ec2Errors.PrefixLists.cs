namespace ControlPlane.Domain.Errors;

/// <summary>
/// Managed prefix list errors. The unknown and malformed prefix list ids used by security group rules
/// (<c>InvalidPrefixListID.NotFound</c>, <c>InvalidPrefixListId.Malformed</c>) live in <c>Ec2Errors.cs</c>.
/// https://docs.aws.amazon.com/vpc/latest/userguide/managed-prefix-lists.html
/// </summary>
public static partial class Ec2Errors
{
    public static AwsException PrefixListsNotFound(IReadOnlyList<string> ids) =>
        ids.Count == 1 ? PrefixListNotFound(ids[0]) : IdsNotFound("InvalidPrefixListID.NotFound", "prefix list", ids);

    /// <summary>Real AWS text (terraform-provider-aws#43528): a stale CurrentVersion.</summary>
    public static AwsException PrefixListVersionMismatch() =>
        new("PrefixListVersionMismatch", "The prefix list has the incorrect version number.");

    /// <summary>Real AWS text (terraform-provider-aws#26034).</summary>
    public static AwsException PrefixListEntriesWithMaxEntries() =>
        new("InvalidParameterCombination", "You cannot modify the entries and the maximum entries for the prefix list in the same request.");

    /// <summary>Real AWS text (fragment quoted by client code): more than 100 AddEntry or RemoveEntry items.</summary>
    public static AwsException PrefixListTooManyEntryChanges() =>
        new("InvalidParameterValue", "The request cannot contain more than 100 entry additions or removals.");

    /// <summary>
    /// The code AWS answers when a change would leave more entries than MaxEntries (a retryable error in client code
    /// that adds addresses to lists); the message is ours.
    /// </summary>
    public static AwsException PrefixListMaxEntriesExceeded(int maxEntries) =>
        new("PrefixListMaxEntriesExceeded", $"The prefix list would exceed its maximum number of entries ({maxEntries}).");

    /// <summary>Real AWS text (terraform-provider-aws#29204): adding a CIDR the list already holds.</summary>
    public static AwsException PrefixListEntryExists(string cidr, string? description) =>
        new("InvalidPrefixListModification", $"An entry with the CIDR ({cidr}) and description ({description ?? ""}) already exists.");

    /// <summary>AWS's code; the Terraform provider matches "does not exist." in the message when removing an absent entry.</summary>
    public static AwsException PrefixListEntryNotFound(string cidr) =>
        new("InvalidPrefixListModification", $"The entry with the CIDR ({cidr}) does not exist.");

    public static AwsException PrefixListEntryAddedAndRemoved(string cidr) =>
        new("InvalidPrefixListModification", $"The CIDR ({cidr}) cannot be both added and removed in the same request.");

    public static AwsException PrefixListDuplicateCidr(string cidr) =>
        new("InvalidParameterValue", $"The CIDR ({cidr}) is specified more than once.");

    public static AwsException PrefixListCidrInvalid(string value) => InvalidCidrBlock(value, "cidr");

    public static AwsException PrefixListCidrWrongFamily(string cidr, string addressFamily) =>
        new("InvalidParameterValue", $"The CIDR ({cidr}) does not match the address family of the prefix list ({addressFamily}).");

    public static AwsException PrefixListEntryDescriptionInvalid(string description) =>
        new("InvalidParameterValue", $"Value ({description}) for parameter description is invalid. Descriptions can be up to 255 characters long.");

    /// <summary>Real AWS text (reported against a live account in floci-io/floci#2273): names AWS keeps for its own lists.</summary>
    public static AwsException PrefixListNameReserved() =>
        new("InvalidParameterValue", "The prefix list name cannot begin with (com.amazonaws., com.amazon., com.aws.).");

    public static AwsException PrefixListNameInvalid(string name) =>
        new("InvalidParameterValue", $"Value ({name}) for parameter prefixListName is invalid. Names must be 1 to 255 characters long.");

    public static AwsException PrefixListAddressFamilyInvalid(string value) =>
        new("InvalidParameterValue", $"Value ({value}) for parameter addressFamily is invalid. Valid values are IPv4 and IPv6.");

    public static AwsException PrefixListMaxEntriesInvalid(int value, int limit) =>
        new("InvalidParameterValue", $"Value ({value}) for parameter maxEntries is invalid. The value must be between 1 and {limit}.");

    public static AwsException PrefixListMaxEntriesBelowEntries(int value, int entries) =>
        new("InvalidParameterValue", $"Value ({value}) for parameter maxEntries is invalid. The prefix list has {entries} entries.");

    public static AwsException PrefixListVersionInvalid(long value, long current) =>
        new("InvalidParameterValue", $"The specified value ({value}) for version is not valid. The value must be between 1 and {current}.");

    /// <summary>
    /// AWS fails a resize that a referencing resource cannot take (its state message names the first ten of them);
    /// the emulator refuses it at once with the groups whose rule quota it would break.
    /// </summary>
    public static AwsException PrefixListResizeBreaksReferences(string id, IEnumerable<string> resources) =>
        new("InvalidPrefixListModification", $"The prefix list {id} cannot be resized: the new size does not fit the rule quota of {string.Join(", ", resources)}.");

    /// <summary>AWS-managed lists belong to AWS: a customer cannot change or delete them.</summary>
    public static AwsException AwsManagedPrefixListReadOnly(string id) =>
        new("UnsupportedOperation", $"The prefix list {id} is managed by AWS and cannot be modified or deleted.");

    /// <summary>
    /// AWS documents "You must first remove all references to the prefix list in your resources" but no code; the
    /// emulator refuses the delete with the DependencyViolation every other in-use delete answers.
    /// </summary>
    public static AwsException PrefixListInUse(string id, string resource) =>
        new("DependencyViolation", $"The prefix list '{id}' is referenced by '{resource}' and cannot be deleted.");

    public static AwsException PrefixListLimitExceeded() =>
        new("PrefixListLimitExceeded", "The maximum number of prefix lists has been reached.");
}
