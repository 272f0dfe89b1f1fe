using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ControlPlane.Api.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server for the integration tests.
/// When <c>CONTROLPLANE_TEST_POSTGRES</c> holds a connection string, that server is used as it is
/// (never started or stopped here). Otherwise a private throwaway server is started from the
/// machine's PostgreSQL binaries: initdb into a temporary directory, trust authentication,
/// 127.0.0.1 on a free port plus a unix socket inside that directory, fsync off. Disposing stops it
/// and deletes the directory. PostgreSQL refuses to run as root, so under root the server runs as
/// the <c>postgres</c> user.
/// The test project does not reference Npgsql, so databases are created with the psql binary.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string ConnectionStringVariable = "CONTROLPLANE_TEST_POSTGRES";
    public const string BinDirectoryVariable = "CONTROLPLANE_TEST_POSTGRES_BIN";

    private const string SuperUser = "postgres";
    private const string ServiceUser = "postgres";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);
    private static readonly string[] RunuserLocations = ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"];

    private readonly string? _binDirectory;
    private readonly string? _rootDirectory;
    private readonly ConnectionSettings _settings;
    private readonly List<string> _createdDatabases = [];
    private readonly Lock _gate = new();
    private bool _disposed;

    private PostgresServer(string connectionString, ConnectionSettings settings, string? binDirectory, string? rootDirectory)
    {
        ConnectionString = connectionString;
        _settings = settings;
        _binDirectory = binDirectory;
        _rootDirectory = rootDirectory;
    }

    /// <summary>Connection string to the server's maintenance database (Npgsql keyword format).</summary>
    public string ConnectionString { get; }

    /// <summary>True when the server came from <c>CONTROLPLANE_TEST_POSTGRES</c> and is not ours to stop.</summary>
    public bool IsExternal => _rootDirectory is null;

    /// <summary>Data directory of a private server; null for an external one.</summary>
    public string? DataDirectory => _rootDirectory is null ? null : Path.Combine(_rootDirectory, "data");

    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var external = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new PostgresServer(external, ConnectionSettings.Parse(external), FindBinDirectory(requireServer: false), rootDirectory: null);
        }

        var binDirectory = FindBinDirectory(requireServer: true) ?? throw new InvalidOperationException(MissingBinariesMessage());
        return await StartPrivateAsync(binDirectory, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates a fresh, empty database and returns a connection string to it.</summary>
    /// <param name="name">A readable prefix; a random suffix keeps parallel tests and reruns apart.</param>
    public string CreateDatabase(string name) => CreateDatabaseAsync(name).GetAwaiter().GetResult();

    /// <inheritdoc cref="CreateDatabase"/>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var database = UniqueDatabaseName(name);
        await RunSqlAsync($"CREATE DATABASE \"{database}\"", cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            _createdDatabases.Add(database);
        }

        return _settings.WithDatabase(database).ToConnectionString();
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_rootDirectory is null)
        {
            await DropCreatedDatabasesAsync().ConfigureAwait(false);
            return;
        }

        try
        {
            await StopAsync(_binDirectory!, DataDirectory!).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            KillPostmaster();
        }

        TryDeleteDirectory(_rootDirectory);
    }

    private static async Task<PostgresServer> StartPrivateAsync(string binDirectory, CancellationToken cancellationToken)
    {
        var root = CreateRootDirectory();
        var data = Path.Combine(root, "data");
        var socketDirectory = Path.Combine(root, "sock");
        Directory.CreateDirectory(socketDirectory);
        try
        {
            if (Environment.IsPrivilegedProcess)
            {
                await RunAsync("chown", ["-R", $"{ServiceUser}:", root], cancellationToken).ConfigureAwait(false);
            }

            await RunServerToolAsync(
                binDirectory,
                "initdb",
                ["-D", data, "-U", SuperUser, "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"],
                cancellationToken).ConfigureAwait(false);

            // A free port can be taken by someone else between probing and binding: try a few.
            for (var attempt = 1; ; attempt++)
            {
                var port = FreeLoopbackPort();
                await File.WriteAllTextAsync(Path.Combine(data, "postgresql.auto.conf"), ServerSettings(port, socketDirectory), cancellationToken)
                    .ConfigureAwait(false);
                try
                {
                    await RunServerToolAsync(
                        binDirectory,
                        "pg_ctl",
                        ["start", "-D", data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60"],
                        cancellationToken).ConfigureAwait(false);
                    var started = new ConnectionSettings("127.0.0.1", port, SuperUser, Password: null, "postgres");
                    return new PostgresServer(started.ToConnectionString(), started, binDirectory, root);
                }
                catch (InvalidOperationException) when (attempt < 3)
                {
                    // Port race or slow start: make sure nothing is left running, then try another port.
                    await TryStopAsync(binDirectory, data).ConfigureAwait(false);
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var log = ReadLog(Path.Combine(root, "server.log"));
            await TryStopAsync(binDirectory, data).ConfigureAwait(false);
            TryDeleteDirectory(root);
            throw new InvalidOperationException($"Could not start a private PostgreSQL server from {binDirectory}: {exception.Message}{log}", exception);
        }
    }

    private static Task StopAsync(string binDirectory, string data) =>
        RunServerToolAsync(binDirectory, "pg_ctl", ["stop", "-D", data, "-m", "immediate", "-w", "-t", "30"], CancellationToken.None);

    private static async Task TryStopAsync(string binDirectory, string data)
    {
        if (!File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            return;
        }

        try
        {
            await StopAsync(binDirectory, data).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Nothing was running.
        }
    }

    private static string ServerSettings(int port, string socketDirectory) =>
        string.Join('\n',
            "listen_addresses = '127.0.0.1'",
            $"port = {port}",
            $"unix_socket_directories = '{socketDirectory}'",
            "fsync = off",
            "synchronous_commit = off",
            "full_page_writes = off",
            "max_connections = 300",
            "shared_buffers = 64MB",
            "logging_collector = off",
            string.Empty);

    private static string CreateRootDirectory()
    {
        // Under root the server runs as postgres, which must be able to reach the directory:
        // /tmp is world-searchable, a root-only TMPDIR may not be.
        var parent = Environment.IsPrivilegedProcess && Directory.Exists("/tmp") ? "/tmp" : Path.GetTempPath();
        var root = Path.Combine(parent, $"controlplane-pg-{Guid.NewGuid():N}"[..30]);
        Directory.CreateDirectory(root);
        return root;
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static string UniqueDatabaseName(string name)
    {
        var prefix = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            prefix.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        if (prefix.Length == 0 || !char.IsAsciiLetter(prefix[0]))
        {
            prefix.Insert(0, "db_");
        }

        var suffix = Guid.NewGuid().ToString("N")[..10];
        var head = prefix.ToString();
        return $"{head[..Math.Min(head.Length, 50)]}_{suffix}";
    }

    private async Task DropCreatedDatabasesAsync()
    {
        string[] databases;
        lock (_gate)
        {
            databases = [.. _createdDatabases];
        }

        foreach (var database in databases)
        {
            try
            {
                await RunSqlAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", CancellationToken.None).ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // Best effort on a shared server: a leftover test database harms nobody.
            }
        }
    }

    private Task RunSqlAsync(string sql, CancellationToken cancellationToken)
    {
        var psql = _binDirectory is null ? FindOnPath("psql") : Path.Combine(_binDirectory, "psql");
        if (psql is null || !File.Exists(psql))
        {
            throw new InvalidOperationException($"psql was not found; it is needed to create test databases. {InstallHint}");
        }

        var maintenance = _settings.Database ?? "postgres";
        var arguments = new List<string> { "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", _settings.Host, "-d", maintenance, "-c", sql };
        if (_settings.Port > 0)
        {
            arguments.InsertRange(0, ["-p", _settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        if (_settings.Username is not null)
        {
            arguments.InsertRange(0, ["-U", _settings.Username]);
        }

        var environment = new Dictionary<string, string> { ["PGCONNECT_TIMEOUT"] = "10" };
        if (_settings.Password is not null)
        {
            environment["PGPASSWORD"] = _settings.Password;
        }

        return RunAsync(psql, arguments, cancellationToken, environment);
    }

    /// <summary>Runs initdb/pg_ctl, as the postgres user when this process is root.</summary>
    private static Task RunServerToolAsync(string binDirectory, string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var executable = Path.Combine(binDirectory, tool);
        if (!Environment.IsPrivilegedProcess)
        {
            return RunAsync(executable, arguments, cancellationToken);
        }

        var runuser = RunuserLocations.FirstOrDefault(File.Exists);
        if (runuser is not null)
        {
            return RunAsync(runuser, ["-u", ServiceUser, "--", executable, .. arguments], cancellationToken);
        }

        var command = string.Join(' ', new[] { executable }.Concat(arguments).Select(ShellQuote));
        return RunAsync("su", [ServiceUser, "-s", "/bin/sh", "-c", command], cancellationToken);
    }

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static async Task RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[key] = value;
        }

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException($"Could not run {fileName}: {exception.Message}", exception);
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new InvalidOperationException($"{Describe(fileName, startInfo)} did not finish within {CommandTimeout.TotalSeconds} s.");
        }

        var output = (await stdout.ConfigureAwait(false)) + (await stderr.ConfigureAwait(false));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Describe(fileName, startInfo)} exited with {process.ExitCode}: {output.Trim()}");
        }
    }

    private static string Describe(string fileName, ProcessStartInfo startInfo) =>
        string.Join(' ', new[] { fileName }.Concat(startInfo.ArgumentList));

    private void KillPostmaster()
    {
        var pidFile = Path.Combine(DataDirectory!, "postmaster.pid");
        try
        {
            var firstLine = File.ReadLines(pidFile).FirstOrDefault();
            if (int.TryParse(firstLine, out var pid))
            {
                using var postmaster = Process.GetProcessById(pid);
                postmaster.Kill(entireProcessTree: true);
            }
        }
        catch (Exception exception) when (exception is IOException or ArgumentException or InvalidOperationException or UnauthorizedAccessException)
        {
            // Already gone.
        }
    }

    private static void TryDeleteDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary directory is not worth failing a test run for.
        }
    }

    private static string ReadLog(string path)
    {
        try
        {
            return File.Exists(path) ? $"{Environment.NewLine}server.log:{Environment.NewLine}{File.ReadAllText(path)}" : string.Empty;
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    /// <summary>
    /// The directory holding initdb, pg_ctl and psql: <c>CONTROLPLANE_TEST_POSTGRES_BIN</c>, then Debian's
    /// /usr/lib/postgresql/N/bin (15 first, then the newest), RHEL's /usr/pgsql-N/bin, Homebrew and
    /// source installs, then PATH.
    /// </summary>
    private static string? FindBinDirectory(bool requireServer)
    {
        var candidates = new List<string>();
        var configured = Environment.GetEnvironmentVariable(BinDirectoryVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            candidates.Add(configured);
        }

        candidates.AddRange(VersionedDirectories("/usr/lib/postgresql", "", "bin"));
        candidates.AddRange(VersionedDirectories("/usr", "pgsql-", "bin"));
        candidates.AddRange(VersionedDirectories("/opt/homebrew/opt", "postgresql@", "bin"));
        candidates.AddRange(VersionedDirectories("/usr/local/opt", "postgresql@", "bin"));
        candidates.Add("/usr/local/pgsql/bin");
        var onPath = FindOnPath(requireServer ? "initdb" : "psql");
        if (onPath is not null)
        {
            candidates.Add(Path.GetDirectoryName(onPath)!);
        }

        string[] needed = requireServer ? ["initdb", "pg_ctl", "psql"] : ["psql"];
        return candidates.FirstOrDefault(directory => needed.All(tool => File.Exists(Path.Combine(directory, tool))));
    }

    private static IEnumerable<string> VersionedDirectories(string parent, string prefix, string bin)
    {
        if (!Directory.Exists(parent))
        {
            return [];
        }

        return Directory.EnumerateDirectories(parent, prefix + "*")
            .Select(directory => (directory, version: ParseVersion(Path.GetFileName(directory)[prefix.Length..])))
            .Where(entry => entry.version is not null)
            .OrderByDescending(entry => entry.version == 15)
            .ThenByDescending(entry => entry.version)
            .Select(entry => Path.Combine(entry.directory, bin));
    }

    private static int? ParseVersion(string text) =>
        int.TryParse(text.Split('.')[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? version
            : null;

    private static string? FindOnPath(string executable) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, executable))
            .FirstOrDefault(File.Exists);

    private const string InstallHint =
        "Install PostgreSQL 15 (Debian/Ubuntu: `apt-get install -y postgresql-15`, which puts initdb, pg_ctl and psql in " +
        "/usr/lib/postgresql/15/bin), point " + BinDirectoryVariable + " at a directory holding them, or set " +
        ConnectionStringVariable + " to the connection string of a running server, e.g. " +
        "\"Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;Database=postgres\".";

    private static string MissingBinariesMessage() =>
        "No PostgreSQL server binaries (initdb, pg_ctl, psql) were found to start a private test server. " + InstallHint;

    /// <summary>The few Npgsql connection-string keywords psql needs; unknown keywords are kept as they are.</summary>
    private sealed record ConnectionSettings(string Host, int Port, string? Username, string? Password, string? Database)
    {
        private IReadOnlyList<KeyValuePair<string, string>> Others { get; init; } = [];

        public static ConnectionSettings Parse(string connectionString)
        {
            var host = "localhost";
            var port = 0;
            string? username = null, password = null, database = null;
            var others = new List<KeyValuePair<string, string>>();
            foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var separator = part.IndexOf('=', StringComparison.Ordinal);
                if (separator <= 0)
                {
                    continue;
                }

                var key = part[..separator].Trim();
                var value = part[(separator + 1)..].Trim();
                switch (key.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant())
                {
                    case "host" or "server":
                        host = value;
                        break;
                    case "port":
                        port = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                        break;
                    case "username" or "userid" or "user" or "uid":
                        username = value;
                        break;
                    case "password" or "pwd":
                        password = value;
                        break;
                    case "database" or "db":
                        database = value;
                        break;
                    default:
                        others.Add(new(key, value));
                        break;
                }
            }

            return new ConnectionSettings(host, port, username, password, database) { Others = others };
        }

        public ConnectionSettings WithDatabase(string database) => this with { Database = database };

        public string ToConnectionString()
        {
            var parts = new List<string> { $"Host={Host}" };
            if (Port > 0)
            {
                parts.Add($"Port={Port}");
            }

            if (Username is not null)
            {
                parts.Add($"Username={Username}");
            }

            if (Password is not null)
            {
                parts.Add($"Password={Password}");
            }

            if (Database is not null)
            {
                parts.Add($"Database={Database}");
            }

            parts.AddRange(Others.Select(other => $"{other.Key}={other.Value}"));
            return string.Join(';', parts);
        }
    }
}
