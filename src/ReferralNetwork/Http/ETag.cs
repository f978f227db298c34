using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace ReferralNetwork.Http;

/// <summary>Stream versions as HTTP entity tags: version 7 is <c>"7"</c>.</summary>
public static class ETag
{
    public static string For(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// Writes to an existing stream must say which version they were made against (If-Match), so that
    /// nobody overwrites a change they have not seen. Stale → 412; missing → 428; nothing is written.
    /// </summary>
    public static ProblemDetails CheckIfMatch(HttpContext context, long currentVersion)
    {
        var (_, problem) = BaseVersion(context, currentVersion, acceptOlder: false);
        return problem;
    }

    /// <summary>
    /// The version a write was made against: the current one for <c>*</c> or a list holding it; with
    /// <paramref name="acceptOlder"/>, else the newest earlier version the list names (the caller then decides whether
    /// what changed since conflicts, docs/decisions/0009). Missing → 428; no usable version → 412.
    /// </summary>
    public static (long Version, ProblemDetails Problem) BaseVersion(HttpContext context, long currentVersion, bool acceptOlder)
    {
        var header = context.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
            return (currentVersion, Problem.PreconditionRequired(
                $"Send If-Match with the ETag from GET (the current one is {For(currentVersion)})."));
        if (header.Trim() == "*") return (currentVersion, WolverineContinue.NoProblems);

        long? older = null;
        foreach (var tag in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var value = tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
            if (value == For(currentVersion)) return (currentVersion, WolverineContinue.NoProblems);
            if (value.Length > 2 && value[0] == '"' && value[^1] == '"'
                && long.TryParse(value[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
                && version is >= 1 && version < currentVersion && For(version) == value)
                older = Math.Max(older ?? 0, version);
        }

        return acceptOlder && older is { } found
            ? (found, WolverineContinue.NoProblems)
            : (currentVersion, Problem.PreconditionFailed(
                $"If-Match {header} does not match the current version {For(currentVersion)}; fetch it again and reapply your change."));
    }
}
