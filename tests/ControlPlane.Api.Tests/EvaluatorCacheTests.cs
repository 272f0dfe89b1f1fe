using ControlPlane.Application.Reachability;
using ControlPlane.Reachability;
using ControlPlane.Reachability.View;

namespace ControlPlane.Api.Tests;

/// <summary>The per-scope evaluator cache on its own: what it reuses, what replaces it, what it drops (no host needed).</summary>
public sealed class EvaluatorCacheTests
{
    private int _builds;
    private int _compiles;

    private EvaluatorCache NewCache(int capacity = EvaluatorCache.DefaultCapacity) =>
        new(view => { Interlocked.Increment(ref _compiles); return CompiledNetwork.Compile(view); }, capacity);

    private Func<CancellationToken, Task<NetworkView>> Build(long version, string account = "111111111111") => async _ =>
    {
        Interlocked.Increment(ref _builds);
        await Task.Yield();
        return new NetworkView { AccountId = account, Region = "us-east-1", Version = version };
    };

    [Fact]
    public async Task The_same_version_reuses_the_compiled_network_and_a_newer_one_replaces_it()
    {
        var cache = NewCache();
        var first = await cache.GetAsync("111111111111", "us-east-1", 3, Build(3), CancellationToken.None);
        Assert.Same(first, await cache.GetAsync("111111111111", "us-east-1", 3, Build(3), CancellationToken.None));
        // An older version than the one held (a request that read the version just before a change) uses the newer network.
        Assert.Same(first, await cache.GetAsync("111111111111", "us-east-1", 2, Build(2), CancellationToken.None));
        var second = await cache.GetAsync("111111111111", "us-east-1", 4, Build(4), CancellationToken.None);
        Assert.NotSame(first, second);
        Assert.Equal((2, 2), (_builds, _compiles));
    }

    [Fact]
    public async Task A_change_that_left_the_network_alone_carries_the_evaluator_to_its_version()
    {
        var cache = NewCache();
        var first = await cache.GetAsync("111111111111", "us-east-1", 7, Build(7), CancellationToken.None);
        cache.Unchanged("111111111111", "us-east-1", 8);
        Assert.Same(first, await cache.GetAsync("111111111111", "us-east-1", 8, Build(8), CancellationToken.None));
        // Only the very next version: a gap means another change came between.
        cache.Unchanged("111111111111", "us-east-1", 10);
        Assert.NotSame(first, await cache.GetAsync("111111111111", "us-east-1", 10, Build(10), CancellationToken.None));
        Assert.Equal(2, _builds);
    }

    [Fact]
    public async Task Requests_arriving_together_share_one_build()
    {
        var cache = NewCache();
        var gate = new TaskCompletionSource();
        var builds = 0;
        Func<CancellationToken, Task<NetworkView>> slow = async _ =>
        {
            Interlocked.Increment(ref builds);
            await gate.Task;
            return new NetworkView { AccountId = "111111111111", Region = "us-east-1", Version = 1 };
        };
        var waiting = Enumerable.Range(0, 8).Select(_ => cache.GetAsync("111111111111", "us-east-1", 1, slow, CancellationToken.None)).ToList();
        gate.SetResult();
        var evaluators = await Task.WhenAll(waiting);
        Assert.Equal(1, builds);
        Assert.All(evaluators, e => Assert.Same(evaluators[0], e));
    }

    [Fact]
    public async Task Beyond_its_capacity_the_least_recently_used_scope_is_dropped()
    {
        var cache = NewCache(capacity: 2);
        var a = await cache.GetAsync("111111111111", "us-east-1", 1, Build(1, "111111111111"), CancellationToken.None);
        await cache.GetAsync("222222222222", "us-east-1", 1, Build(1, "222222222222"), CancellationToken.None);
        Assert.Same(a, await cache.GetAsync("111111111111", "us-east-1", 1, Build(1), CancellationToken.None));
        await cache.GetAsync("333333333333", "us-east-1", 1, Build(1, "333333333333"), CancellationToken.None);
        Assert.Same(a, await cache.GetAsync("111111111111", "us-east-1", 1, Build(1), CancellationToken.None));
        Assert.Equal(3, _builds);
        await cache.GetAsync("222222222222", "us-east-1", 1, Build(1, "222222222222"), CancellationToken.None);
        Assert.Equal(4, _builds);
    }

    [Fact]
    public async Task A_failed_build_is_not_kept()
    {
        var cache = NewCache();
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            cache.GetAsync("111111111111", "us-east-1", 1, _ => throw new InvalidOperationException("store down"), CancellationToken.None));
        Assert.NotNull(await cache.GetAsync("111111111111", "us-east-1", 1, Build(1), CancellationToken.None));
    }
}
