using System.Globalization;

namespace ReferralNetwork.Api.Pages;

/// <summary>
/// The page number a list was asked for. Read from the query string itself: in Razor Pages "page" is also the route
/// value naming the page, which model binding would take first (and never parse as a number).
/// </summary>
public static class Paging
{
    public static int Requested(HttpRequest request) =>
        int.TryParse(request.Query["page"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var page) && page >= 1 ? page : 1;
}
