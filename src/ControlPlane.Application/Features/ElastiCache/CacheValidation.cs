using ControlPlane.Application.Pipeline;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.ElastiCache;

/// <summary>
/// ElastiCache's naming rules: cluster and replication group ids 1-40 (replication groups) or 1-50 characters, letters,
/// digits and hyphens, starting with a letter, no two consecutive hyphens and no hyphen at the end; subnet group names
/// up to 255 of the same characters. AWS stores them lowercase.
/// https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateCacheCluster.html
/// </summary>
public static class CacheValidation
{
    public static readonly string[] Engines = ["redis", "valkey", "memcached"];

    public static bool IsIdentifier(string? id, int maxLength) =>
        id is { Length: > 0 } && id.Length <= maxLength && char.IsAsciiLetter(id[0]) && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
        && !id.Contains("--", StringComparison.Ordinal) && !id.EndsWith('-');

    public static IRuleBuilderOptions<T, string?> CacheIdentifier<T>(this IRuleBuilder<T, string?> rule, string parameter, int maxLength) =>
        rule.Must(id => IsIdentifier(id, maxLength)).WithAwsError((_, id) => ElastiCacheErrors.InvalidParameterValue(
            $"The parameter {parameter} is not a valid identifier. Identifiers must begin with a letter; must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens."));

    public static IRuleBuilderOptions<T, string?> CacheEngine<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(e => e is null || Engines.Contains(e.ToLowerInvariant()))
            .WithAwsError((_, e) => ElastiCacheErrors.InvalidParameterValue($"Invalid value for parameter Engine: {e}. Valid values are redis, valkey and memcached."));

    public static IRuleBuilderOptions<T, int?> MaxRecords<T>(this IRuleBuilder<T, int?> rule) =>
        rule.Must(n => n is null or >= 20 and <= 100)
            .WithAwsError((_, n) => ElastiCacheErrors.InvalidParameterValue($"Value {n} for parameter MaxRecords is invalid. MaxRecords must be between 20 and 100."));

    public static IRuleBuilderOptions<T, IReadOnlyList<TagShape>?> CacheTags<T>(this IRuleBuilder<T, IReadOnlyList<TagShape>?> rule) =>
        rule.Must(tags => tags is null || tags.Count <= 50).WithAwsError((_, _) => ElastiCacheErrors.TagQuotaPerResourceExceeded());
}
