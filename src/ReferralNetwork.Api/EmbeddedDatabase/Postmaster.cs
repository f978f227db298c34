using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ReferralNetwork.Api.EmbeddedDatabase;

/// <summary>
/// The server process recorded in <c>postmaster.pid</c> (line 1 its process id, line 4 its port). A crash leaves the
/// file behind, and after a reboot its process id may belong to something else; both count as not running.
/// </summary>
internal sealed record Postmaster(int ProcessId, int Port)
{
    public static Postmaster? FindRunning(ClusterFolder folder, ILogger logger)
    {
        if (!File.Exists(folder.PidFile))
        {
            return null;
        }

        var lines = File.ReadAllLines(folder.PidFile);
        var postmaster = lines.Length >= 4
            && int.TryParse(lines[0].Trim(), out var processId)
            && int.TryParse(lines[3].Trim(), out var port)
                ? new Postmaster(processId, port)
                : null;
        if (postmaster is not null && postmaster.Serves(folder))
        {
            return postmaster;
        }

        // PostgreSQL refuses to start while the file names a live process, even an unrelated one.
        logger.LogWarning("Removing stale {PidFile} (process {ProcessId} is not a running PostgreSQL server)",
            folder.PidFile, postmaster?.ProcessId);
        File.Delete(folder.PidFile);
        return null;
    }

    bool Serves(ClusterFolder folder)
    {
        try
        {
            using var process = Process.GetProcessById(ProcessId);
            if (process.HasExited || process.ProcessName is not ("postgres" or "postmaster"))
            {
                return false;
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }

        // A postmaster's working directory is its data folder: finding our pid file through it proves the process is
        // ours, even if the path has symlinks; a zombie or another account's server fails the read. Only the process id
        // and start time are compared, as the server rewrites later lines while starting.
        try
        {
            return !OperatingSystem.IsLinux()
                || File.ReadLines($"/proc/{ProcessId}/cwd/postmaster.pid").Take(3)
                    .SequenceEqual(File.ReadLines(folder.PidFile).Take(3));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
