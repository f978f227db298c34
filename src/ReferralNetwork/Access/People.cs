using System.Collections.Concurrent;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ReferralNetwork.Access;

/// <summary>
/// Someone who has used the system, as their sign-in last described them: the name and email their issuer gives
/// (the <c>name</c> and <c>email</c> claims), so administrators see people by name and notifications reach them.
/// Kept apart from every referral stream: erasing a family's data never touches it, and it holds nothing about
/// any family. A provider user's listing is still the provider's own stream; this is only the person signing in.
/// </summary>
public sealed record Person
{
    /// <summary>The user id (the <c>sub</c> claim), as recorded on every event the person makes.</summary>
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string Role { get; init; } = "";
    public string? Email { get; init; }
    public Guid? ProviderId { get; init; }
    public DateTimeOffset FirstSeen { get; init; }
    public DateTimeOffset LastSeen { get; init; }

    /// <summary>What a person is called on screen: the name their sign-in gives, else their user id.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Id : Name;
}

public static class People
{
    public const string EmailClaim = "email";

    public static StoreOptions AddPeople(this StoreOptions options)
    {
        options.Schema.For<Person>().Index(p => p.Role).Index(p => p.ProviderId!);
        return options;
    }

    public static IServiceCollection AddPeopleDirectory(this IServiceCollection services) => services.AddSingleton<PeopleDirectory>();

    /// <summary>
    /// After authentication: remembers the signed-in person (a write only when something changed, or once a day),
    /// only when the request succeeds, so that a refused request changes nothing at all.
    /// </summary>
    public static IApplicationBuilder UsePeopleDirectory(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // Just before the answer starts, when its status is known; the caller gets it only once this is saved.
            if (context.User.Identity?.IsAuthenticated == true)
                context.Response.OnStarting(() => context.Response.StatusCode < 400
                    ? context.RequestServices.GetRequiredService<PeopleDirectory>().RememberAsync(context.User, context.RequestAborted)
                    : Task.CompletedTask);
            await next(context);
        });

    /// <summary>The people with these ids, by id; ids nobody has signed in as are simply absent.</summary>
    public static async Task<IReadOnlyDictionary<string, Person>> NamedAsync(this IQuerySession session, IEnumerable<string> userIds, CancellationToken ct)
    {
        var ids = userIds.Where(id => !string.IsNullOrEmpty(id)).Distinct().ToArray();
        if (ids.Length == 0) return new Dictionary<string, Person>();
        var people = await session.LoadManyAsync<Person>(ct, ids);
        return people.ToDictionary(p => p.Id);
    }
}

/// <summary>Keeps <see cref="Person"/> documents current from claims, remembering what it last wrote to avoid a write per request.</summary>
public sealed class PeopleDirectory(IDocumentStore store, TimeProvider clock, ILogger<PeopleDirectory> logger)
{
    private readonly ConcurrentDictionary<string, (Person Person, DateOnly Day)> _written = new();

    public async Task RememberAsync(System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
    {
        var id = Roles.UserIdOf(user);
        var role = Roles.Of(user);
        if (string.IsNullOrEmpty(id) || role is null || id.Length > 200) return;
        var now = clock.GetUtcNow();
        var name = Trimmed(user.FindFirst(Roles.NameClaim)?.Value, 200) ?? "";
        var email = Trimmed(user.FindFirst(People.EmailClaim)?.Value, 254);
        var providerId = Roles.ProviderIdOf(user);

        if (_written.TryGetValue(id, out var last) && last.Day == DateOnly.FromDateTime(now.UtcDateTime) &&
            last.Person.Name == name && last.Person.Email == email && last.Person.Role == role && last.Person.ProviderId == providerId)
            return;

        try
        {
            await using var session = store.LightweightSession();
            var known = await session.LoadAsync<Person>(id, ct);
            var person = new Person
            {
                Id = id,
                Name = name,
                Role = role,
                Email = email,
                ProviderId = providerId,
                FirstSeen = known?.FirstSeen ?? now,
                LastSeen = now,
            };
            session.Store(person);
            await session.SaveChangesAsync(ct);
            _written[id] = (person, DateOnly.FromDateTime(now.UtcDateTime));
        }
        catch (Exception e) when (e is NpgsqlException || e.InnerException is NpgsqlException)
        {
            // The request itself will meet the same outage and answer 503 (one warning, from there); remembering the
            // person can wait for the next request.
            logger.LogDebug("Could not remember a signed-in person ({Type}).", e.GetType().Name);
        }
    }

    private static string? Trimmed(string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var t = value.Trim();
        return t.Length > max || t.Any(char.IsControl) ? null : t;
    }
}
