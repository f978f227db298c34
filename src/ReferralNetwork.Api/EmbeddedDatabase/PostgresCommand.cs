using System.Diagnostics;

namespace ReferralNetwork.Api.EmbeddedDatabase;

/// <summary>What a PostgreSQL tool printed and how it exited.</summary>
internal sealed record CommandResult(string Command, int ExitCode, string Output, string Error)
{
    public bool Succeeded => ExitCode == 0;

    public string Describe() => (Error.Trim() is { Length: > 0 } error ? error : Output.Trim()) is { Length: > 0 } message
        ? $"'{Command}' exited with code {ExitCode}: {message}"
        : $"'{Command}' exited with code {ExitCode}.";
}

/// <summary>Runs one command-line tool to completion, without a shell, under a deadline.</summary>
internal static class PostgresCommand
{
    public static async Task<CommandResult> RunAsync(
        string fileName, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout, CancellationToken ct)
    {
        var command = string.Join(' ', [fileName, .. arguments]);
        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start '{command}'.");
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            ct.ThrowIfCancellationRequested();
            throw new TimeoutException($"'{command}' did not finish within {timeout.TotalSeconds:0} s.");
        }

        return new CommandResult(command, process.ExitCode, await output, await error);
    }
}
