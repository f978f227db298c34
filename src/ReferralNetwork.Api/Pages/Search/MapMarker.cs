using System.Globalization;
using ReferralNetwork.Geography;
using ReferralNetwork.Providers.Searching;

namespace ReferralNetwork.Api.Pages.Search;

/// <summary>A numbered provider on the map: the same number as in the list, at its practice nearest the searched ZIP.</summary>
public sealed record MapMarker(int Number, string Name, double Latitude, double Longitude, double? Miles)
{
    /// <summary>
    /// The page's providers seen in person near the ZIP, numbered as the list is (across pages). Those found only by
    /// telehealth practise elsewhere, perhaps far away: they stay in the list, off the map.
    /// </summary>
    public static IReadOnlyList<MapMarker> For(ZipCentroid centre, ProviderSearchResults results) =>
    [
        .. results.Items.Select((item, i) => (item, number: (results.Page - 1) * results.PageSize + i + 1))
            .Where(x => x.item.MatchedBy == "in-person" && x.item.Locations.Count > 0)
            .Select(x =>
            {
                var nearest = x.item.Locations.MinBy(l => GreatCircle.DistanceMiles(centre.Latitude, centre.Longitude, l.Latitude, l.Longitude))!;
                return new MapMarker(x.number, x.item.Name, nearest.Latitude, nearest.Longitude, x.item.DistanceMiles);
            }),
    ];

    /// <summary>The map's text alternative: what it shows, in the list's order.</summary>
    public static string Summary(ZipCentroid centre, IReadOnlyList<MapMarker> markers, int offMap) =>
        $"The searched ZIP {centre.Zip} ({centre.City}, {centre.State}) and {markers.Count} provider{(markers.Count == 1 ? "" : "s")} near it, numbered as in the list: " +
        string.Join("; ", markers.Select(m => $"{m.Number} {m.Name}{(m.Miles is { } miles ? $", {miles.ToString("0.#", CultureInfo.InvariantCulture)} miles" : "")}")) + "." +
        (offMap > 0 ? $" {offMap} found by telehealth {(offMap == 1 ? "is" : "are")} in the list only." : "");
}
