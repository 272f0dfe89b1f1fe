using ControlPlane.Reachability;
using ControlPlane.Reachability.View;

namespace ControlPlane.Application.Reachability;

/// <summary>
/// One compiled evaluator per (account, region), for the state version it was built from (DESIGN.md §4, §5): answers are
/// not cached, the compiled network is. A request that finds the scope's version unchanged reuses it; a newer version
/// replaces it. Requests arriving together for a new version share one build. Bounded: beyond <see cref="Capacity"/>
/// scopes the least recently used one is dropped. Several processes on one PostgreSQL stay consistent because the
/// version lives in the database.
/// </summary>
public sealed class EvaluatorCache(Func<NetworkView, CompiledNetwork> compile, int capacity = EvaluatorCache.DefaultCapacity)
{
    public const int DefaultCapacity = 64;

    private sealed class Entry(long version, Task<CompiledNetwork> evaluator)
    {
        public long Version { get; } = version;
        public Task<CompiledNetwork> Evaluator { get; } = evaluator;
        public long LastUsed { get; set; }
    }

    private readonly Dictionary<(string Account, string Region), Entry> _entries = [];
    private readonly Lock _lock = new();
    private long _clock;

    public int Capacity { get; } = capacity;

    /// <summary>
    /// The evaluator of <paramref name="account"/>/<paramref name="region"/> at <paramref name="version"/> or later,
    /// building the view with <paramref name="build"/> (which reads the version itself) when there is none that recent.
    /// </summary>
    public async Task<CompiledNetwork> GetAsync(string account, string region, long version,
        Func<CancellationToken, Task<NetworkView>> build, CancellationToken cancellationToken)
    {
        var key = (account, region);
        while (true)
        {
            Entry entry;
            TaskCompletionSource<CompiledNetwork>? mine = null;
            lock (_lock)
            {
                if (!_entries.TryGetValue(key, out entry!) || entry.Version < version || entry.Evaluator.IsFaulted || entry.Evaluator.IsCanceled)
                {
                    mine = new TaskCompletionSource<CompiledNetwork>(TaskCreationOptions.RunContinuationsAsynchronously);
                    entry = new Entry(version, mine.Task) { LastUsed = ++_clock };
                    _entries[key] = entry;
                    Evict();
                }
                else
                {
                    entry.LastUsed = ++_clock;
                }
            }
            if (mine is not null) await CompleteAsync(mine, build, cancellationToken);
            try
            {
                return await entry.Evaluator.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The request that started this build was cancelled; build again for this one.
            }
        }
    }

    /// <summary>
    /// The change that brought the scope to <paramref name="version"/> did not touch the network (a Reachability Analyzer
    /// path or analysis was written): the evaluator of the version before it holds for this one too, so the next analysis
    /// does not rebuild. Call it after that change committed, with the version it wrote.
    /// </summary>
    public void Unchanged(string account, string region, long version)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue((account, region), out var entry) && entry.Version == version - 1)
                _entries[(account, region)] = new Entry(version, entry.Evaluator) { LastUsed = entry.LastUsed };
        }
    }

    /// <summary>Runs the build on the caller's request (its DbContext), outside the lock, and publishes the outcome to every waiter.</summary>
    private async Task CompleteAsync(TaskCompletionSource<CompiledNetwork> completion, Func<CancellationToken, Task<NetworkView>> build,
        CancellationToken cancellationToken)
    {
        try
        {
            completion.SetResult(compile(await build(cancellationToken)));
        }
        catch (OperationCanceledException e)
        {
            completion.SetCanceled(e.CancellationToken);
        }
        catch (Exception e)
        {
            completion.SetException(e);
        }
    }

    private void Evict()
    {
        while (_entries.Count > Capacity)
        {
            var oldest = _entries.MinBy(e => e.Value.LastUsed).Key;
            _entries.Remove(oldest);
        }
    }
}
