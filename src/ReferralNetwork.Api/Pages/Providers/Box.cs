namespace ReferralNetwork.Api.Pages.Providers;

/// <summary>One labelled input of the editor with its message, for _Box.cshtml: the pattern every box on the page shares.</summary>
public sealed record Box(FormProblems Problems, string Id, string Name, string Label, string? Value, string Type = "text")
{
    public string? Hint { get; init; }
    public string? Autocomplete { get; init; }
    public string? InputMode { get; init; }
}
