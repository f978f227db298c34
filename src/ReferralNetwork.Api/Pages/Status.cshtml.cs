using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ReferralNetwork.Api.Pages;

/// <summary>The page shown for an error status on a page (the API answers ProblemDetails instead).</summary>
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    /// <summary>Re-executed with the failed request's method, so a failed form post lands here too.</summary>
    public void OnPost(int code) => OnGet(code);

    public void OnGet(int code)
    {
        Code = code;
        (Heading, Explanation) = code switch
        {
            403 => ("Not for your role", "Your account cannot open this page."),
            404 => ("Not found", "There is nothing here, or it is not yours to see."),
            429 => ("Too many requests", "Please wait a minute and try again."),
            _ => ("Something went wrong", "The error has been logged; please try again."),
        };
    }
}
