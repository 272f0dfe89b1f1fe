using ControlPlane.Reachability.Tests.Reference;

namespace ControlPlane.Reachability.Tests.Scenarios;

/// <summary>
/// Every query of every scenario file (<c>Scenarios/*.json</c>), against the reference implementation and the compiled
/// evaluator: the verdicts of both paths and the exact set of explanations (code, path, direction, component, NACL rule).
/// </summary>
public sealed class ScenarioTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Scenarios");

    public static TheoryData<string, int, string> Queries()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var file in Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal))
        {
            var scenario = Scenario.Load(file);
            for (var index = 0; index < scenario.Queries.Count; index++) data.Add(Path.GetFileName(file), index, scenario.Queries[index].Name);
        }
        return data;
    }

    [Fact]
    public void The_scenario_files_are_copied_next_to_the_tests() =>
        Assert.NotEmpty(Directory.GetFiles(Folder, "*.json"));

    [Theory]
    [MemberData(nameof(Queries))]
    public void Reference_evaluator_gives_the_expected_answer(string file, int index, string name)
    {
        var scenario = Scenario.Load(Path.Combine(Folder, file));
        AssertAnswer(scenario.Queries[index], name, new ReferenceEvaluator(scenario.View));
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public void Compiled_evaluator_gives_the_expected_answer(string file, int index, string name)
    {
        var scenario = Scenario.Load(Path.Combine(Folder, file));
        AssertAnswer(scenario.Queries[index], name, CompiledNetwork.Compile(scenario.View));
    }

    private static void AssertAnswer(ScenarioQuery expected, string name, IReachabilityEvaluator evaluator)
    {
        var answer = evaluator.Analyze(expected.Query);
        var explanations = answer.Explanations.Select(ExpectedExplanation.Of).ToHashSet();
        var because = $"{name}\n  got forward={answer.ForwardPathFound} return={answer.ReturnPathFound}: "
            + string.Join("; ", explanations.Select(e => e.ToString()));
        Assert.True(expected.Explanations.ToHashSet().SetEquals(explanations),
            because + "\n  expected: " + string.Join("; ", expected.Explanations.Select(e => e.ToString())));
        Assert.True(expected.Forward == answer.ForwardPathFound, because);
        Assert.True(expected.Return == answer.ReturnPathFound, because);
        Assert.True(expected.Found == answer.NetworkPathFound, because);
    }
}
