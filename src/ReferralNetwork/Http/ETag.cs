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
        var header = context.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
            return Problem.PreconditionRequired(
                $"Send If-Match with the ETag from GET (the current one is {For(currentVersion)}).");
        if (header.Trim() == "*") return WolverineContinue.NoProblems;

        foreach (var tag in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var value = tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
            if (value == For(currentVersion)) return WolverineContinue.NoProblems;
        }

        return Problem.PreconditionFailed(
            $"If-Match {header} does not match the current version {For(currentVersion)}; fetch it again and reapply your change.");
    }
}
