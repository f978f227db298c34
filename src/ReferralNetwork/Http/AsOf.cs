using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ReferralNetwork.Http;

/// <summary>
/// The <c>asOf</c> query parameter of a record's read: an ISO 8601 instant with its offset, not in the future. The
/// record is then rebuilt from its events up to that instant through the same projection that keeps it current.
/// </summary>
public static partial class AsOf
{
    public const string Parameter = "asOf";

    public const string Rule = "must be an ISO 8601 instant with its offset, e.g. 2026-12-01T10:00:00Z (send + as %2B), not in the future";

    /// <summary>The instant, or null when it is not one (a date alone or a time without offset is not: its instant would be a guess).</summary>
    public static DateTimeOffset? Parse(string value) =>
        value.Length <= 40 && WithOffset().IsMatch(value)
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            ? instant.ToUniversalTime() // Npgsql writes only offset 0 to timestamptz
            : null;

    /// <summary>Wolverine's validation step for an endpoint that takes <c>asOf</c>: absent is fine, anything else must parse and not be ahead of now.</summary>
    public static ProblemDetails Validate(HttpRequest request, TimeProvider clock)
    {
        var problems = new ValidationProblems();
        if (request.Query.TryGetValue(Parameter, out var values))
        {
            var instant = values.Count == 1 && values[0] is { } text ? Parse(text) : null;
            problems.Require(instant is { } at && at <= clock.GetUtcNow(), Parameter, Rule);
        }
        return problems.ToProblemDetails();
    }

    public static ProblemDetails NotYet(string what) =>
        Problem.NotFound($"This record did not exist yet at that time: the {what}'s first event is later than asOf.");

    [GeneratedRegex(@"\A\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})\z")]
    private static partial Regex WithOffset();
}
