using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace ReferralNetwork.Http;

/// <summary>Collects every broken rule of a request, by JSON field path, into one RFC 9457 answer.</summary>
public sealed class ValidationProblems
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    /// <summary>The answer to a body that is JSON <c>null</c> (which deserializes to no command at all).</summary>
    public static ProblemDetails BodyRequired() =>
        new ValidationProblems().Add("body", "is required: a JSON object, not null").ToProblemDetails();

    public ValidationProblems Add(string field, string rule)
    {
        if (!_errors.TryGetValue(field, out var rules)) _errors[field] = rules = [];
        rules.Add(rule);
        return this;
    }

    /// <summary>Records the broken rule and gives back a fallback, for parsers that go on checking.</summary>
    public T Reject<T>(string field, string rule, T fallback)
    {
        Add(field, rule);
        return fallback;
    }

    /// <summary>Adds the rule when the condition does not hold; returns the condition.</summary>
    public bool Require(bool condition, string field, string rule)
    {
        if (!condition) Add(field, rule);
        return condition;
    }

    public bool RequireText(string? value, string field, int maxLength, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
            return !required || Require(false, field, "is required");
        return Require(value.Length <= maxLength, field, $"must be at most {maxLength} characters");
    }

    public ProblemDetails ToProblemDetails() => IsEmpty
        ? WolverineContinue.NoProblems
        : new HttpValidationProblemDetails(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid",
            Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
            Detail = "See 'errors': each field with the rules it breaks.",
        };
}

public static class ValidationProblemsExtensions
{
    /// <summary>Runs a check inline, for one-rule validators.</summary>
    public static ValidationProblems Also(this ValidationProblems problems, Action<ValidationProblems> check)
    {
        check(problems);
        return problems;
    }
}
