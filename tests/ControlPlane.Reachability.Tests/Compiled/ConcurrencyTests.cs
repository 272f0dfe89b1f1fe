using ControlPlane.Reachability.Queries;

namespace ControlPlane.Reachability.Tests.Compiled;

public sealed class ConcurrencyTests
{
    [Fact]
    public void One_compiled_network_answers_concurrent_queries_as_it_answers_them_one_by_one()
    {
        var network = RandomNetworks.Build(17).Compile();
        var ids = network.View.NetworkInterfaces.Select(e => e.Id).ToList();
        var queries = ids.SelectMany(s => ids.Select(d => new ReachabilityQuery
        {
            Source = new Endpoint.Interface(s),
            Destination = new Endpoint.Interface(d),
            Protocol = 6,
            DestinationPort = 443,
        })).ToList();
        var sequential = queries.Select(q => Summary(network.Analyze(q))).ToList();

        var concurrent = new string[queries.Count];
        Parallel.For(0, queries.Count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => concurrent[i] = Summary(network.Analyze(queries[i])));
        var matrices = new Answers.ReachabilityMatrix[4];
        Parallel.For(0, matrices.Length, i => matrices[i] = network.Matrix(ids, 6, 443));

        Assert.Equal(sequential, concurrent);
        Assert.All(matrices, m => Assert.Equal(matrices[0].Rows.SelectMany(r => r.BlockingCodes), m.Rows.SelectMany(r => r.BlockingCodes)));
    }

    private static string Summary(Answers.PathAnalysis analysis) =>
        $"{analysis.ForwardPathFound}/{analysis.ReturnPathFound}: {string.Join(",", analysis.Explanations.Select(e => $"{e.Code}@{e.Component?.Id}"))}";
}
