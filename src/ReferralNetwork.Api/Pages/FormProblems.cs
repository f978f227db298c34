namespace ReferralNetwork.Api.Pages;

/// <summary>One thing a person must fix, in their words, and the input it is about (none: the form as a whole).</summary>
public sealed record FormProblem(string Message, string? InputId);

/// <summary>
/// What went wrong with a form, ready for the page: the error summary lists <see cref="All"/>, each input asks
/// <see cref="For"/> for its own message. Built only by <see cref="ProblemWords"/>, so no page invents its wording.
/// </summary>
public sealed class FormProblems(IReadOnlyList<FormProblem> all)
{
    public static readonly FormProblems None = new([]);

    public IReadOnlyList<FormProblem> All { get; } = all;

    public bool Any => All.Count > 0;

    public string? For(string inputId) => All.FirstOrDefault(p => p.InputId == inputId)?.Message;

    /// <summary>"true" for an input with a problem, else null, which Razor leaves out: <c>aria-invalid="@P.Invalid("x")"</c>.</summary>
    public string? Invalid(string inputId) => For(inputId) is null ? null : "true";

    /// <summary>The id of the input's message, only when there is one (a reference to nothing confuses screen readers).</summary>
    public string? DescribedBy(string inputId) => For(inputId) is null ? null : ErrorId(inputId);

    public string Css(string inputId, string css = "field") => For(inputId) is null ? css : css + " invalid";

    public static string ErrorId(string inputId) => inputId + "-error";
}
