using System.Globalization;

namespace ReferralNetwork.Api.Pages.Providers;

/// <summary>What each box shows: after a refused or lost save of its section, what was typed; otherwise the listing.</summary>
public sealed partial class EditModel
{
    private string? PostedETag { get; set; }

    /// <summary>
    /// The version a section's form carries. Typing kept after a refusal still stands on the version it was typed over,
    /// so a change someone saved meanwhile is caught, not overwritten; after a lost race it is the newer version, so
    /// "save yours again" saves over what the person has now seen.
    /// </summary>
    public string ETagFor(string section) => Typed(section) && Changes is null && PostedETag is { Length: > 0 } posted ? posted : ETag;

    public static string ChangedId(string section) => section + "-changed";

    public bool Typed(string section) => KeepTyped && Section == section && Request.HasFormContentType;

    public string? Value(string section, string name, object? current) => Typed(section) ? Request.Form[name].ToString() : current switch
    {
        DateOnly date => date == default ? "" : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => current?.ToString(),
    };

    public bool Checked(string section, string name, bool current) => Typed(section) ? Request.Form[name].Count > 0 : current;

    public bool Chosen(string section, string name, string code, IEnumerable<string> current) =>
        Typed(section) ? Request.Form[name].Contains(code) : current.Contains(code, StringComparer.OrdinalIgnoreCase);

    /// <summary>Rows to show: those posted (plus one after "add another"), else the listing's and one empty row to fill.</summary>
    public int Rows(string section, int listed, int most)
    {
        var posted = Typed(section) && int.TryParse(Request.Form["rows"], CultureInfo.InvariantCulture, out var n) ? n : listed + 1;
        return Math.Min(most, Math.Max(1, posted + (AddRow && Section == section ? 1 : 0)));
    }
}
