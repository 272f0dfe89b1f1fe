using System.Globalization;
using System.Net;
using System.Text.Json;
using ControlPlane.Reachability.Answers;
using ControlPlane.Reachability.Queries;
using ControlPlane.Reachability.Tests.DescribeJson;
using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability.Tests.Scenarios;

/// <summary>
/// One scenario file: a <c>network</c> (the AWS CLI's <c>describe-*</c> output, see <see cref="DescribeNetwork"/>) and
/// <c>queries</c>, each with the answer written by hand from the README and the AWS docs.
/// </summary>
public sealed record Scenario(string File, string Description, NetworkView View, IReadOnlyList<ScenarioQuery> Queries)
{
    public static Scenario Load(string path)
    {
        using var document = JsonDocument.Parse(System.IO.File.ReadAllText(path));
        var root = document.RootElement;
        var view = DescribeNetwork.Load(root.GetProperty("network"),
            root.TryGetProperty("account", out var account) ? account.GetString()! : "000000000000",
            root.TryGetProperty("region", out var region) ? region.GetString()! : "us-east-1");
        var queries = root.GetProperty("queries").EnumerateArray().Select(ScenarioQuery.Parse).ToList();
        return new Scenario(Path.GetFileName(path), root.GetProperty("description").GetString()!, view, queries);
    }
}

/// <summary>
/// A query and its expected answer. Endpoints are written as text: <c>eni-…</c> an interface, <c>internet</c> or
/// <c>internet:igw-…</c> the internet, an IP address an address, anything else a resource (id, ARN or name).
/// </summary>
public sealed record ScenarioQuery(string Name, ReachabilityQuery Query, bool Forward, bool Return, bool Found, IReadOnlyList<ExpectedExplanation> Explanations)
{
    public static ScenarioQuery Parse(JsonElement item)
    {
        var expect = item.GetProperty("expect");
        var query = new ReachabilityQuery
        {
            Source = ParseEndpoint(item.GetProperty("source").GetString()!),
            Destination = ParseEndpoint(item.GetProperty("destination").GetString()!),
            Protocol = Protocols.Number(item.GetProperty("protocol").GetString()!),
            DestinationPort = OptionalInt(item, "port"),
            SourcePorts = Optional(item, "sourcePorts") is { } ports ? ParseSpan(ports) : null,
            ClientProfile = Optional(item, "profile") is { } profile ? Enum.Parse<ClientProfile>(profile) : ClientProfile.Linux,
            RequireAllSourcePorts = !item.TryGetProperty("requireAllSourcePorts", out var all) || all.GetBoolean(),
            IcmpType = OptionalInt(item, "icmpType"),
            IcmpCode = OptionalInt(item, "icmpCode"),
            Ipv6 = item.TryGetProperty("ipv6", out var ipv6) && ipv6.GetBoolean(),
            SourceAddress = Optional(item, "sourceAddress") is { } source ? IPAddress.Parse(source) : null,
            DestinationAddress = Optional(item, "destinationAddress") is { } destination ? IPAddress.Parse(destination) : null,
        };
        var explanations = expect.GetProperty("explanations").EnumerateArray().Select(e => new ExpectedExplanation(
            e.GetProperty("code").GetString()!,
            e.GetProperty("path").GetString()!,
            Optional(e, "direction"),
            Optional(e, "component"),
            OptionalInt(e, "ruleNumber"))).ToList();
        return new ScenarioQuery(item.GetProperty("name").GetString()!, query,
            expect.GetProperty("forward").GetBoolean(), expect.GetProperty("return").GetBoolean(), expect.GetProperty("found").GetBoolean(), explanations);
    }

    public static Endpoint ParseEndpoint(string text) => text switch
    {
        "internet" => new Endpoint.Internet(),
        _ when text.StartsWith("internet:", StringComparison.Ordinal) => new Endpoint.Internet(text["internet:".Length..]),
        _ when text.StartsWith("eni-", StringComparison.Ordinal) => new Endpoint.Interface(text),
        _ when IPAddress.TryParse(text, out var address) => new Endpoint.Address(address),
        _ => new Endpoint.Resource(text),
    };

    private static PortSpan ParseSpan(string text)
    {
        var parts = text.Split('-');
        var from = int.Parse(parts[0], CultureInfo.InvariantCulture);
        return new PortSpan(from, parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : from);
    }

    private static string? Optional(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? OptionalInt(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    public override string ToString() => Name;
}

/// <summary>What the scenario asserts of one explanation; the component is the explanation's <c>Component.Id</c>.</summary>
public sealed record ExpectedExplanation(string Code, string Path, string? Direction, string? Component, int? RuleNumber)
{
    public static ExpectedExplanation Of(Explanation explanation) => new(
        explanation.Code, explanation.Path, explanation.Direction, explanation.Component?.Id, explanation.AclRule?.RuleNumber);

    public override string ToString() =>
        $"{Code} {Path}{(Direction is null ? "" : " " + Direction)}{(Component is null ? "" : " " + Component)}{(RuleNumber is null ? "" : " #" + RuleNumber)}";
}
