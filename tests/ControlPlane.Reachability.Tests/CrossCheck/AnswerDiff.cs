using ControlPlane.Reachability.Answers;

namespace ControlPlane.Reachability.Tests.CrossCheck;

/// <summary>What the cross-check compares of two answers: both verdicts and the set of explanations' (code, path, direction, component, NACL rule).</summary>
public static class AnswerDiff
{
    public sealed record Key(string Code, string Path, string? Direction, string? Component, int? AclRule)
    {
        public override string ToString() =>
            $"{Code} {Path}{(Direction is null ? "" : " " + Direction)}{(Component is null ? "" : " " + Component)}{(AclRule is null ? "" : " #" + AclRule)}";
    }

    public static IReadOnlySet<Key> Keys(PathAnalysis answer) =>
        answer.Explanations.Select(e => new Key(e.Code, e.Path, e.Direction, e.Component?.Id, e.AclRule?.RuleNumber)).ToHashSet();

    public static bool Same(PathAnalysis reference, PathAnalysis compiled) =>
        reference.ForwardPathFound == compiled.ForwardPathFound
        && reference.ReturnPathFound == compiled.ReturnPathFound
        && Keys(reference).SetEquals(Keys(compiled));

    public static string Describe(PathAnalysis answer) =>
        $"forward={answer.ForwardPathFound} return={answer.ReturnPathFound} [{string.Join("; ", Keys(answer).Select(k => k.ToString()).Order(StringComparer.Ordinal))}]";
}
