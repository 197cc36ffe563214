using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Steward.Bench;

/// <summary>
/// CPU time spent during a phase by this process (the server and the HTTP clients) and, when
/// PostgreSQL runs on this machine, by the PostgreSQL cluster (the postmaster and all its
/// children, read from /proc). On a shared machine, CPU per unit of work is steadier than
/// throughput, which other processes' load disturbs.
/// </summary>
internal sealed class CpuMeter
{
    // Linux reports /proc/<pid>/stat times in clock ticks of USER_HZ, 100 on every mainstream kernel.
    private const double TicksPerSecond = 100;

    private readonly int? _postmaster;

    private CpuMeter(int? postmaster) => _postmaster = postmaster;

    /// <summary>A meter for this process and, when <paramref name="postgres"/> is a local server, its cluster.</summary>
    public static async Task<CpuMeter> CreateAsync(string? postgres)
    {
        if (postgres is null || !OperatingSystem.IsLinux()) return new CpuMeter(null);
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        var backend = (int)(await command.ExecuteScalarAsync())!;
        // The backend is a child of the postmaster; on another machine its pid means nothing here.
        var stat = ReadStat(backend);
        return new CpuMeter(stat is { Name: "postgres" } ? stat.Value.Parent : null);
    }

    public Sample Read() => new(Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, ClusterSeconds());

    private double? ClusterSeconds()
    {
        if (_postmaster is not { } postmaster) return null;
        double total = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            if (ReadStat(pid) is { } stat && (pid == postmaster || stat.Parent == postmaster)) total += stat.CpuSeconds;
        }

        return total;
    }

    private static (string Name, int Parent, double CpuSeconds)? ReadStat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null; // the process ended
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // "pid (comm) state ppid ... utime stime ...": comm may hold spaces, so split after its ')'.
        var open = text.IndexOf('(', StringComparison.Ordinal);
        var close = text.LastIndexOf(')');
        if (open < 0 || close < open) return null;
        var fields = text[(close + 2)..].Split(' ');
        var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return (text[(open + 1)..close], parent, ticks / TicksPerSecond);
    }

    /// <summary>Cumulative CPU seconds at one moment.</summary>
    public readonly record struct Sample(double Process, double? Cluster)
    {
        public static Sample operator -(Sample end, Sample start) =>
            new(end.Process - start.Process, end.Cluster is { } e && start.Cluster is { } s ? e - s : null);

        /// <summary>Milliseconds of CPU, this process and the cluster together, per 1,000 of <paramref name="points"/>.</summary>
        public double TotalPerThousand(long points) => (Process + (Cluster ?? 0)) * 1000 / (points / 1000.0);

        /// <summary>"Steward and clients X ms, PostgreSQL Y ms" per <paramref name="units"/> of work.</summary>
        public string Per(double units, string unit)
        {
            var text = $"CPU per {unit}: Steward and clients {Process * 1000 / units:N2} ms";
            return Cluster is { } cluster ? $"{text}, PostgreSQL {cluster * 1000 / units:N2} ms" : text;
        }
    }
}
