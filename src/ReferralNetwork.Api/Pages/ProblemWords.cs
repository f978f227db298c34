using System.Net;
using System.Text.RegularExpressions;

namespace ReferralNetwork.Api.Pages;

/// <summary>
/// The one place where an API problem (RFC 9457: status, detail, errors by field path) becomes words a family advocate
/// or clinician understands (docs/pages.md, /work UX guide): no code, field path, HTTP status or API sentence reaches a
/// page. Each page says which of its inputs stands for which API field; a field it has no input for becomes a sentence.
/// </summary>
public static partial class ProblemWords
{
    /// <param name="wholeForm">Where a problem about the form as a whole (a lost race) links to, if the page marks a place for it.</param>
    public static FormProblems Read<T>(ApiResult<T> result, IReadOnlyDictionary<string, string>? inputs = null, string? wholeForm = null)
    {
        if (result.Ok) return FormProblems.None;
        inputs ??= new Dictionary<string, string>();
        if (result.Errors.Count > 0)
            return new FormProblems(result.Errors
                .Where(e => e.Value.Length > 0)
                .Select(e => new FormProblem(FieldWords.For(e.Key, e.Value), InputFor(e.Key, inputs)))
                .DistinctBy(p => (p.Message, p.InputId)).ToList());
        return new FormProblems([new FormProblem(Sentence(result.Status, result.Detail, result.Reference), wholeForm)]);
    }

    /// <summary>The input for an API field: named exactly, else the nearest enclosing field the page has ("contact" for "contact.channel").</summary>
    private static string? InputFor(string field, IReadOnlyDictionary<string, string> inputs)
    {
        for (var path = field; path.Length > 0; path = Parent(path))
            if (inputs.TryGetValue(path, out var id)) return id;
        return null;
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }

    /// <summary>A problem about the request as a whole (no field): what happened and what to do now.</summary>
    public static string Sentence(HttpStatusCode status, string? detail, string? reference) => status switch
    {
        HttpStatusCode.PreconditionFailed => "Someone else saved a change here after you opened the page, so yours is not saved yet. " +
            "What you typed is still in the form, beside what they saved: save yours again, or keep theirs.",
        HttpStatusCode.Conflict => Conflict(detail ?? ""),
        HttpStatusCode.NotFound => "We couldn't find this. It may have been removed: go back and try again.",
        HttpStatusCode.Forbidden => "Your account can't do this. If you think it should, ask the network's staff.",
        HttpStatusCode.Unauthorized => "Your sign-in has ended. Sign in again, then repeat what you were doing.",
        HttpStatusCode.TooManyRequests => "That was a lot of requests in a short time. Wait a minute, then try again.",
        _ => "Something went wrong and nothing was saved. Try again in a few minutes. If it keeps happening, contact support" +
             (string.IsNullOrWhiteSpace(reference) ? "." : $" and give them this reference number: {reference}."),
    };

    // The state machine and the aggregates say why in their detail; these are the ones a person can meet on the pages.
    private static string Conflict(string detail)
    {
        if (ReferralState().Match(detail) is { Success: true } state)
            return $"This referral has moved on since you opened it (it is now {Display.Words(state.Groups[1].Value).ToLowerInvariant()}), " +
                   "so that can't be done. The page shows where it stands now.";
        if (detail.Contains("no open pro-bono slot", StringComparison.Ordinal))
            return "You have no free (pro bono) places left to accept this family. Add one under Availability on your profile, or waitlist the referral.";
        if (detail.Contains("no open sliding-scale slot", StringComparison.Ordinal))
            return "You have no sliding-scale places left to accept this family. Add one under Availability on your profile, or waitlist the referral.";
        if (detail.Contains("deactivated and cannot accept", StringComparison.Ordinal))
            return "This listing is deactivated, so it can't accept referrals. Ask the network's staff to reactivate it.";
        if (detail.Contains("is deactivated", StringComparison.Ordinal))
            return "This listing is deactivated, so it can't be changed. Ask the network's staff to reactivate it first.";
        // The verification review (Providers/Verification).
        if (detail.Contains("application is declined", StringComparison.Ordinal))
            return "This application is declined, so nothing more can be done with it until the provider asks the network to look again.";
        if (detail.Contains("already declined", StringComparison.Ordinal))
            return "This application is already declined.";
        if (detail.Contains("has nothing to answer", StringComparison.Ordinal))
            return "The network isn't waiting for an answer from you right now, so nothing was sent.";
        if (detail.Contains("already verified", StringComparison.Ordinal))
            return "This provider is already verified. They can be verified again once their licences change.";
        return "Someone else changed this at the same moment, so your change was not saved. Check the page and try again.";
    }

    [GeneratedRegex(@"(?:referral that is|referral is) ([a-z-]+)")]
    private static partial Regex ReferralState();
}
