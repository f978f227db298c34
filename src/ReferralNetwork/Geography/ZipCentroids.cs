using System.Globalization;
using System.IO.Compression;
using ReferralNetwork.Data;

namespace ReferralNetwork.Geography;

/// <summary>Where a US ZIP code is: its state, city and centroid, in decimal degrees.</summary>
public sealed record ZipCentroid(string Zip, string State, string City, double Latitude, double Longitude);

/// <summary>
/// The ZIP centroids shipped in Data/zip-centroids.csv.gz (from the npm package zipcodes 8.0.0; see Data/README.md).
/// Rows are held in arrays sorted by ZIP, with each state and city name stored once: a lookup is a binary
/// search, and a <see cref="ZipCentroid"/> is allocated only for a hit.
/// </summary>
public sealed class ZipCentroids
{
    private const string Header = "zip,state,city,latitude,longitude";

    private static readonly Lazy<ZipCentroids> Embedded = new(() => Load(ReferenceData.Open("zip-centroids.csv.gz")));

    private readonly int[] zips;
    private readonly Place[] places;
    private readonly string[] stateNames;
    private readonly string[] cityNames;

    private ZipCentroids(int[] zips, Place[] places, string[] stateNames, string[] cityNames) =>
        (this.zips, this.places, this.stateNames, this.cityNames) = (zips, places, stateNames, cityNames);

    /// <summary>The embedded data set, read once on first use.</summary>
    public static ZipCentroids Default => Embedded.Value;

    public int Count => zips.Length;

    /// <summary>Every centroid in ZIP order, each allocated as it is enumerated.</summary>
    public IEnumerable<ZipCentroid> All => Enumerable.Range(0, zips.Length).Select(At);

    /// <summary>Finds a 5-digit ZIP ("22314"); a ZIP+4 ("22314-1234") finds its 5-digit ZIP.</summary>
    public bool TryFind(string zip, out ZipCentroid centroid)
    {
        centroid = null!;
        var text = (zip ?? "").AsSpan().Trim();
        if (text.Length == 10 && text[5] == '-' && IsDigits(text[6..])) text = text[..5];
        if (text.Length != 5 || !IsDigits(text)) return false;
        var i = Array.BinarySearch(zips, int.Parse(text, CultureInfo.InvariantCulture));
        if (i < 0) return false;
        centroid = At(i);
        return true;
    }

    private ZipCentroid At(int i)
    {
        var place = places[i];
        return new(zips[i].ToString("D5", CultureInfo.InvariantCulture), stateNames[place.State], cityNames[place.City],
            place.Latitude / 1e4, place.Longitude / 1e4);
    }

    /// <summary>Reads (and disposes) a gzip-compressed CSV: the header <c>zip,state,city,latitude,longitude</c>, then rows sorted by ZIP.</summary>
    internal static ZipCentroids Load(Stream csvGzip)
    {
        using var reader = new StreamReader(new GZipStream(csvGzip, CompressionMode.Decompress));
        if (reader.ReadLine() != Header) throw new InvalidDataException($"ZIP centroids must start with the header {Header}.");
        var (zips, places) = (new List<int>(45_000), new List<Place>(45_000));
        var (states, cities) = (new Dictionary<string, int>(), new Dictionary<string, int>());
        var (stateIds, cityIds) = (states.GetAlternateLookup<ReadOnlySpan<char>>(), cities.GetAlternateLookup<ReadOnlySpan<char>>());
        Span<Range> fields = stackalloc Range[6];
        while (reader.ReadLine() is { } line)
        {
            var row = line.AsSpan();
            if (row.Split(fields, ',') != 5 || row[fields[0]].Length != 5 || !IsDigits(row[fields[0]]))
                throw Malformed(zips.Count, line, $"expected {Header}");
            var zip = int.Parse(row[fields[0]], CultureInfo.InvariantCulture);
            if (zips.Count > 0 && zip <= zips[^1]) throw Malformed(zips.Count, line, "ZIPs must be unique and ascending");
            places.Add(new(Intern(stateIds, row[fields[1]]), Intern(cityIds, row[fields[2]]),
                Degrees(row[fields[3]], 90, zips.Count, line), Degrees(row[fields[4]], 180, zips.Count, line)));
            zips.Add(zip);
        }

        // A Dictionary that is only added to enumerates in insertion order, so Keys[id] is the name of id.
        return new ZipCentroids([.. zips], [.. places], [.. states.Keys], [.. cities.Keys]);
    }

    private static int Intern(Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> ids, ReadOnlySpan<char> name)
    {
        if (!ids.TryGetValue(name, out var id)) ids.TryAdd(name, id = ids.Dictionary.Count);
        return id;
    }

    private static int Degrees(ReadOnlySpan<char> text, double limit, int row, string line) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var degrees) && Math.Abs(degrees) <= limit
            ? (int)Math.Round(degrees * 1e4)
            : throw Malformed(row, line, "coordinate out of range");

    private static bool IsDigits(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExceptInRange('0', '9');

    private static InvalidDataException Malformed(int row, string line, string why) =>
        new($"ZIP centroids data row {row + 1} ({why}): '{line}'");

    // Coordinates in units of 10⁻⁴ degree, the file's precision, so they are held exactly in 16 bytes a row.
    private readonly record struct Place(int State, int City, int Latitude, int Longitude);
}
