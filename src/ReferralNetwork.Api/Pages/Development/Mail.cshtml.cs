using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MimeKit;
using ReferralNetwork.Access;
using ReferralNetwork.Notifications;

namespace ReferralNetwork.Api.Pages.Development;

/// <summary>
/// Development only: the emails written to the pickup folder (no SMTP host set), so `dotnet run` shows the whole loop
/// with nothing else installed. Any other environment answers 404.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class MailModel(IWebHostEnvironment environment, IOptions<NotificationOptions> options) : PageModel
{
    public IReadOnlyList<MailPickup.Letter> Letters { get; private set; } = [];
    public MimeMessage? Open { get; private set; }

    /// <summary>A link to an email that is no longer in the folder (or never was): the list, with a line saying so.</summary>
    public bool Missing { get; private set; }
    public string? Folder => options.Value.UsesSmtp ? null : options.Value.PickupDirectory;

    public IActionResult OnGet(string? name)
    {
        if (!environment.IsDevelopment()) return NotFound();
        Open = name is null ? null : MailPickup.Open(options.Value, name);
        if (name is not null && Open is null) Missing = true;
        if (Open is null) Letters = MailPickup.List(options.Value);
        return Page();
    }
}
