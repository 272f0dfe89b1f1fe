namespace ControlPlane.Benchmarks;

/// <summary>The benchmark runner's own options; everything it does not know goes to BenchmarkDotNet.</summary>
public sealed record Options
{
    public const string Usage = """
        dotnet run -c Release --project tests/ControlPlane.Benchmarks -- [--all | --requests | --startup | --reachability] [options] [BenchmarkDotNet options]
          --all                      request benchmarks, start-up launches, then the summary table (the default)
          --requests                 only the in-process request benchmarks (BenchmarkDotNet)
          --startup                  only the start-up launches (separate processes)
          --explain                  where the server time of each benchmarked request goes (SQL, commits, the rest)
          --reachability             the reachability evaluator on a generated 10,000-interface network (its own table; run it alone)
          --stores sqlite,postgres   stores to measure (default: both)
          --runs N                   launches per start-up scenario (default: 5)
          --pg-fast                  keep the test PostgreSQL's fsync=off settings instead of stock durability
          --smoke                    a very short job that only checks everything runs
          --filter PATTERN           (BenchmarkDotNet) only the matching request benchmarks, e.g. '*DescribeById*'
        """;

    public bool Requests { get; private init; }
    public bool Startup { get; private init; }
    public bool Explain { get; private init; }
    public bool Reachability { get; private init; }
    public bool Help { get; private init; }
    public bool Smoke { get; private init; }
    public bool PostgresFast { get; private init; }
    public int Runs { get; private init; } = 5;
    public IReadOnlyList<string> Stores { get; private init; } = ["sqlite", "postgres"];
    public string[] BenchmarkArguments { get; private init; } = [];

    public static Options Parse(string[] args)
    {
        bool all = false, requests = false, startup = false, explain = false, reachability = false, help = false, smoke = false, fast = false;
        var runs = 5;
        IReadOnlyList<string> stores = ["sqlite", "postgres"];
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--all": all = true; break;
                case "--requests": requests = true; break;
                case "--startup": startup = true; break;
                case "--explain": explain = true; break;
                case "--reachability": reachability = true; break;
                case "--smoke": smoke = true; break;
                case "--pg-fast": fast = true; break;
                case "-h" or "--help" or "-?": help = true; break;
                case "--runs" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n > 0: runs = n; i++; break;
                case "--stores" when i + 1 < args.Length:
                    stores = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(s => s.ToLowerInvariant() switch
                        {
                            "sqlite" => "sqlite",
                            "postgres" or "postgresql" => "postgres",
                            _ => throw new ArgumentException($"Unknown store '{s}': use sqlite and/or postgres."),
                        }).Distinct().ToList();
                    break;
                default: rest.Add(args[i]); break;
            }
        }

        var filtered = rest.Any(a => a is "--filter" or "-f");
        if (!all && !requests && !startup && !explain && !reachability) (requests, startup) = filtered ? (true, false) : (true, true);
        if (all) (requests, startup) = (true, true);
        // Without a filter the switcher would ask interactively which benchmarks to run: run them all.
        if (!filtered && !rest.Any(a => a.StartsWith("--list", StringComparison.Ordinal))) rest.AddRange(["--filter", "*"]);
        return new Options
        {
            Requests = requests, Startup = startup, Explain = explain, Reachability = reachability, Help = help, Smoke = smoke, PostgresFast = fast, Runs = runs, Stores = stores,
            BenchmarkArguments = [.. rest],
        };
    }
}
