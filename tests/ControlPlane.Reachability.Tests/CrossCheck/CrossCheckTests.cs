using System.Collections.Concurrent;
using System.Diagnostics;
using ControlPlane.Reachability.Tests.Reference;
using Xunit.Abstractions;

namespace ControlPlane.Reachability.Tests.CrossCheck;

/// <summary>
/// The compiled evaluator against the reference implementation on random networks and queries (issue 4, "Correctness"):
/// 0 differences. A failure prints the network seed and query index of the first differences; replay one with
/// <see cref="Replay"/> (set <c>CROSSCHECK_SEED</c> to move the whole run to other seeds).
/// </summary>
public sealed class CrossCheckTests(ITestOutputHelper output)
{
    private const int Networks = 100;
    private const int QueriesPerNetwork = 50;

    /// <summary>Every code README §1–§5 names: the random queries must meet each, or the cross-check proves less than it claims.</summary>
    private static readonly string[] ReadmeCodes =
    [
        "NO_SOURCE_OR_DESTINATION", "UNASSOCIATED_COMPONENT", "UNKNOWN_DESTINATION", "DISCONNECTED_VPCS", "NO_PATH",
        "ENI_SOURCE_DEST_CHECK_RESTRICTION", "BAD_STATE", "ENI_SG_RULES_MISMATCH", "SG_HAS_NO_RULES", "SUBNET_ACL_RESTRICTION",
        "NO_ROUTE_TO_DESTINATION", "BAD_STATE_ROUTE", "VPC_LOCAL_ROUTE_CIDR_RESTRICTION", "PCX_REQUIRES_ADDRESS_IN_VPC_CIDR",
        "UNSUPPORTED_COMPONENT", "IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS", "IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS",
        "IGW_DESTINATION_ADDRESS_NOT_IN_RFC6598_EGRESS", "IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS",
        "IGW_SOURCE_ADDRESS_NOT_IN_RFC1918_INGRESS", "IGW_SOURCE_ADDRESS_NOT_IN_RFC6598_INGRESS", "IGW_NAT_REFLECTION",
    ];

    [Fact]
    public void Compiled_evaluator_agrees_with_the_reference_on_random_queries()
    {
        var clock = Stopwatch.StartNew();
        var differences = new ConcurrentBag<string>();
        var codes = new ConcurrentDictionary<string, int>();
        var queries = 0;
        var found = 0;
        Parallel.For(0, Networks, n =>
        {
            var seed = Seeds.Base + n;
            var view = RandomNetwork.Generate(seed);
            var reference = new ReferenceEvaluator(view);
            var compiled = CompiledNetwork.Compile(view);
            var random = new RandomQueries(view, seed);
            for (var index = 0; index < QueriesPerNetwork; index++)
            {
                var query = random.Next();
                var expected = reference.Analyze(query);
                var actual = compiled.Analyze(query);
                Interlocked.Increment(ref queries);
                if (expected.NetworkPathFound) Interlocked.Increment(ref found);
                foreach (var explanation in expected.Explanations) codes.AddOrUpdate(explanation.Code, 1, (_, count) => count + 1);
                if (!AnswerDiff.Same(expected, actual)) differences.Add(Difference(seed, index, query, expected, actual));
            }
        });
        output.WriteLine($"{queries} queries over {Networks} networks (seeds {Seeds.Base}..{Seeds.Base + Networks - 1}), {found} with a path, "
            + $"{differences.Count} differences, {clock.Elapsed.TotalSeconds:F1} s");
        output.WriteLine(string.Join(", ", codes.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value}")));
        Assert.True(differences.IsEmpty, $"{differences.Count} differences out of {queries} queries; the first ones:\n"
            + string.Join("\n", differences.Order(StringComparer.Ordinal).Take(5)));
        var missing = ReadmeCodes.Except(codes.Keys).ToList();
        Assert.True(missing.Count == 0, $"the random queries never met {string.Join(", ", missing)}: the generator needs to make them");
        Assert.InRange(found, queries / 20, queries);
    }

    [Theory]
    [InlineData(20261124, 0)]
    public void Replay(int seed, int queryIndex)
    {
        var view = RandomNetwork.Generate(seed);
        var random = new RandomQueries(view, seed);
        var query = random.Next();
        for (var index = 0; index < queryIndex; index++) query = random.Next();
        var expected = new ReferenceEvaluator(view).Analyze(query);
        var actual = CompiledNetwork.Compile(view).Analyze(query);
        Assert.True(AnswerDiff.Same(expected, actual), Difference(seed, queryIndex, query, expected, actual));
    }

    private static string Difference(int seed, int index, Queries.ReachabilityQuery query, Answers.PathAnalysis expected, Answers.PathAnalysis actual) =>
        $"seed {seed} query #{index}: {query}\n  reference: {AnswerDiff.Describe(expected)}\n  compiled:  {AnswerDiff.Describe(actual)}";
}
