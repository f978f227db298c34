using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReferralNetwork.Access;

namespace ReferralNetwork.Api.Pages;

/// <summary>The home page is each role's own start: search, the inbox, or the verification queue.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => Roles.Of(User) switch
    {
        Roles.Advocate => Redirect("/search"),
        Roles.Provider => Redirect("/inbox"),
        _ => Redirect("/admin/verification"),
    };
}
