using ControlPlane.Api.Tests.Infrastructure;
using Npgsql;

namespace ControlPlane.Benchmarks.Infrastructure;

/// <summary>
/// One PostgreSQL server for the whole run (each benchmark gets its own database on it): the server named by
/// <c>CONTROLPLANE_TEST_POSTGRES</c>, or a private throwaway PostgreSQL started from the machine's binaries by the
/// integration tests' <see cref="PostgresServer"/>. That helper turns durability off for speed (fsync,
/// synchronous_commit, full_page_writes); unless asked to keep those test settings, a private server gets PostgreSQL's
/// stock durable settings back before anything is measured, so its figures compare with a real deployment.
/// </summary>
public static class SharedPostgres
{
    private static readonly Lock Gate = new();
    private static Task<PostgresServer>? _server;

    /// <summary>Keep the tests' fsync=off settings (<c>--pg-fast</c>).</summary>
    public static bool KeepTestSettings { get; set; }

    /// <summary>Server version and durability settings, for the report; null until the server has started.</summary>
    public static string? Description { get; private set; }

    public static Task<PostgresServer> GetAsync()
    {
        lock (Gate) return _server ??= StartAsync();
    }

    public static async Task<string> CreateDatabaseAsync(string name) => await (await GetAsync()).CreateDatabaseAsync(name);

    public static async Task DisposeAsync()
    {
        Task<PostgresServer>? server;
        lock (Gate) (server, _server) = (_server, null);
        if (server is null) return;
        NpgsqlConnection.ClearAllPools();
        try
        {
            await (await server).DisposeAsync();
        }
        catch (InvalidOperationException)
        {
            // It never started: nothing to stop.
        }
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var server = await PostgresServer.StartAsync();
        CpuMonitor.PostgresPid = Postmaster(server.DataDirectory);
        if (!server.IsExternal && !KeepTestSettings) await MakeDurableAsync(server.ConnectionString);
        Description = await DescribeAsync(server.ConnectionString, server.IsExternal);
        return server;
    }

    private static int? Postmaster(string? dataDirectory)
    {
        try
        {
            return dataDirectory is not null && int.TryParse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).FirstOrDefault(), out var pid)
                ? pid
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static async Task MakeDurableAsync(string connectionString)
    {
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            foreach (var sql in new[]
                     {
                         "ALTER SYSTEM SET fsync = on", "ALTER SYSTEM SET synchronous_commit = on", "ALTER SYSTEM SET full_page_writes = on",
                         "SELECT pg_reload_conf()",
                     })
            {
                await using var command = new NpgsqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync();
            }
        }

        // The postmaster applies a reload asynchronously: wait until new sessions see it.
        for (var attempt = 0; attempt < 100; attempt++)
        {
            NpgsqlConnection.ClearAllPools();
            if (await ShowAsync(connectionString, "fsync") == "on") return;
            await Task.Delay(50);
        }
        throw new InvalidOperationException("PostgreSQL did not take fsync=on after pg_reload_conf().");
    }

    private static async Task<string> DescribeAsync(string connectionString, bool external)
    {
        var version = await ShowAsync(connectionString, "server_version");
        var fsync = await ShowAsync(connectionString, "fsync");
        var commit = await ShowAsync(connectionString, "synchronous_commit");
        return $"PostgreSQL {version} ({(external ? "external server" : "private server on loopback")}, fsync={fsync}, synchronous_commit={commit})";
    }

    private static async Task<string?> ShowAsync(string connectionString, string setting)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SHOW {setting}", connection);
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
