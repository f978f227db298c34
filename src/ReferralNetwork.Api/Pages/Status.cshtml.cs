using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ReferralNetwork.Api.Pages;

/// <summary>The page shown for an error status on a page (the API answers ProblemDetails instead).</summary>
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    /// <summary>
    /// Re-executed with the failed request's method, so a failed form post lands here too. A page's form post only
    /// answers 400 when its antiforgery token is missing or no longer valid (an old tab, a session signed out or
    /// expired since the form was opened): nothing was saved, and reloading the form gives it a fresh token.
    /// </summary>
    public void OnPost(int code)
    {
        OnGet(code);
        if (code == 400)
            (Heading, Explanation) = ("This form has expired", "Nothing was saved. Go back, reload the page to get a fresh form, and send it again.");
    }

    public void OnGet(int code)
    {
        Code = code;
        (Heading, Explanation) = code switch
        {
            400 => ("That request could not be understood", "Check the address, or go back and try again."),
            403 => ("Not for your role", "Your account cannot open this page."),
            404 => ("Not found", "There is nothing here, or it is not yours to see."),
            413 => ("Too much to send", "What you sent is larger than this site accepts."),
            429 => ("Too many requests", "Please wait a minute and try again."),
            503 => ("The service is briefly unavailable", "Please try again in a moment."),
            _ => ("Something went wrong", "The error has been logged; please try again."),
        };
    }
}
