using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReferralNetwork.Access;

namespace ReferralNetwork.Api.Pages;

/// <summary>Sign-in: the organisation's OIDC issuer when configured; in Development also the made-up demo users.</summary>
public sealed class SignInModel(IHostEnvironment environment, IAuthenticationSchemeProvider schemes, IQuerySession session) : PageModel
{
    public IReadOnlyList<DemoUser> DemoUsers { get; private set; } = [];
    public bool OrganisationSignIn { get; private set; }
    public string ReturnUrl { get; private set; } = "/";

    public async Task OnGetAsync(string? returnUrl, CancellationToken ct) => await LoadAsync(returnUrl, ct);

    public async Task<IActionResult> OnPostDemoAsync(string? userId, string? returnUrl, CancellationToken ct)
    {
        await LoadAsync(returnUrl, ct);
        var user = DemoUsers.FirstOrDefault(u => u.UserId == userId);
        if (user is null) return NotFound();
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, user.ToPrincipal());
        return LocalRedirect(ReturnUrl);
    }

    /// <summary>Off to the issuer (authorization code with PKCE); it sends the user back to /signin-oidc, then to <see cref="ReturnUrl"/>.</summary>
    public async Task<IActionResult> OnGetOrganisationAsync(string? returnUrl, CancellationToken ct)
    {
        await LoadAsync(returnUrl, ct);
        return OrganisationSignIn ? Challenge(new AuthenticationProperties { RedirectUri = ReturnUrl }, Authentication.OrganisationScheme) : NotFound();
    }

    private async Task LoadAsync(string? returnUrl, CancellationToken ct)
    {
        ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl! : "/";
        OrganisationSignIn = await schemes.GetSchemeAsync(Authentication.OrganisationScheme) is not null;
        if (environment.IsDevelopment()) DemoUsers = await DemoSignIn.UsersAsync(session, ct);
    }
}
