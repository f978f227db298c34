using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ReferralNetwork.Geography;
using ReferralNetwork.Http;

namespace ReferralNetwork.Providers.Verification;

public enum QueueShow { Waiting, NeedsDecision, WaitingForProvider, Declined }

/// <summary>The queue's filters as asked for in the query string, and every bad value by name.</summary>
public sealed record QueueFilter(string? State, int? WaitingDays, QueueShow Show, int Page, ProblemDetails Problems)
{
    public const int MaxWaitingDays = 3_650;

    public static QueueFilter Parse(IQueryCollection query)
    {
        var p = new ValidationProblems();
        var state = Text(query, "state")?.ToUpperInvariant();
        if (state is not null) p.Require(Regions.IsKnown(state), "state", "must be a US state code, e.g. VA");
        int? days = Text(query, "waitingDays") is { } d
            ? int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= MaxWaitingDays ? n
                : p.Reject<int?>("waitingDays", $"must be a whole number of days between 0 and {MaxWaitingDays}", null)
            : null;
        var show = Text(query, "show") switch
        {
            null or "waiting" => QueueShow.Waiting,
            "needs-decision" => QueueShow.NeedsDecision,
            "waiting-for-provider" => QueueShow.WaitingForProvider,
            "declined" => QueueShow.Declined,
            _ => p.Reject("show", "must be waiting, needs-decision, waiting-for-provider or declined", QueueShow.Waiting),
        };
        var page = Text(query, "page") is { } pg
            ? int.TryParse(pg, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 10_000 ? number
                : p.Reject("page", "must be between 1 and 10000", 1)
            : 1;
        return new QueueFilter(state, days, show, page, p.ToProblemDetails());
    }

    private static string? Text(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && !string.IsNullOrWhiteSpace(values.ToString()) ? values.ToString().Trim() : null;
}
