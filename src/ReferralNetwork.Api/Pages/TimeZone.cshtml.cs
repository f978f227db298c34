using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReferralNetwork.Access;

namespace ReferralNetwork.Api.Pages;

/// <summary>Keeps the reader's time zone in a cookie (a preference, no personal data) and goes back to the page they were on.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class TimeZoneModel : PageModel
{
    public void OnGet() { }

    public IActionResult OnPost(string? zone, string? returnUrl)
    {
        if (LocalTimes.Find(zone) is { } chosen)
            Response.Cookies.Append(LocalTimes.CookieName, chosen.Id, new CookieOptions
            {
                HttpOnly = true,
                Secure = Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
                MaxAge = TimeSpan.FromDays(365),
            });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
