using System.Diagnostics;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Marten;
using Microsoft.AspNetCore.Http;
using ReferralNetwork.Access;

namespace ReferralNetwork.Http;

/// <summary>Who is doing something: recorded on every event as Marten's user name and a "role" header.</summary>
public sealed record Actor(string UserId, string Role)
{
    public static readonly Actor Anonymous = new("anonymous", "anonymous");
    public static readonly Actor System = new("system", "system");

    public static Actor From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return Anonymous;
        return new Actor(Roles.UserIdOf(user) ?? "unknown", Roles.Of(user) ?? "unknown");
    }

    public void StampOnto(IDocumentSession session)
    {
        session.LastModifiedBy = UserId;
        session.SetHeader("role", Role);
    }
}

/// <summary>Wolverine middleware for every write endpoint: stamps the actor and a correlation id onto the session.</summary>
public static partial class ActorStamp
{
    public const string CorrelationHeader = "X-Correlation-Id";

    public static void Before(HttpContext context, IDocumentSession session)
    {
        Actor.From(context.User).StampOnto(session);
        var supplied = context.Request.Headers[CorrelationHeader].ToString();
        session.CorrelationId = SafeCorrelationId().IsMatch(supplied)
            ? supplied
            : Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        context.Response.Headers[CorrelationHeader] = session.CorrelationId;
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex SafeCorrelationId();
}
