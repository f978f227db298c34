namespace ReferralNetwork.Hsds;

/// <summary>One HSDS table of the tabular export: its name and file as HSDS names them, and its columns in HSDS's order.</summary>
public sealed record HsdsTable(string Name, string Path, IReadOnlyList<string> Columns)
{
    // The export fills these tables; the others HSDS defines (programs, schedules, contacts, funding, ...) have nothing here.
    public static readonly HsdsTable Organizations = new("organization", "organizations.csv",
        ["id", "name", "alternate_name", "description", "email", "website", "tax_status", "tax_id", "year_incorporated", "legal_status", "logo", "uri", "parent_organization_id"]);
    public static readonly HsdsTable OrganizationIdentifiers = new("organization_identifier", "organization_identifiers.csv",
        ["id", "organization_id", "identifier_scheme", "identifier_type", "identifier"]);
    public static readonly HsdsTable Services = new("service", "services.csv",
        ["id", "organization_id", "program_id", "name", "alternate_name", "description", "url", "email", "status", "interpretation_services",
         "application_process", "fees_description", "wait_time", "fees", "accreditations", "eligibility_description", "minimum_age",
         "maximum_age", "assured_date", "assurer_email", "licenses", "alert", "last_modified"]);
    public static readonly HsdsTable Locations = new("location", "locations.csv",
        ["id", "location_type", "url", "organization_id", "name", "alternate_name", "description", "transportation", "latitude", "longitude",
         "external_identifier", "external_identifier_type"]);
    public static readonly HsdsTable Addresses = new("address", "addresses.csv",
        ["id", "location_id", "attention", "address_1", "address_2", "city", "region", "state_province", "postal_code", "country", "address_type"]);
    public static readonly HsdsTable ServiceAtLocations = new("service_at_location", "service_at_location.csv",
        ["id", "service_id", "location_id", "description"]);
    public static readonly HsdsTable ServiceAreas = new("service_area", "service_areas.csv",
        ["id", "service_id", "name", "description", "extent", "extent_type", "uri"]);
    public static readonly HsdsTable Languages = new("language", "languages.csv",
        ["id", "service_id", "location_id", "phone_id", "name", "code", "note"]);
    public static readonly HsdsTable CostOptions = new("cost_option", "cost_options.csv",
        ["id", "service_id", "valid_from", "valid_to", "option", "currency", "amount", "amount_description"]);
    public static readonly HsdsTable Phones = new("phone", "phones.csv",
        ["id", "location_id", "service_id", "organization_id", "contact_id", "service_at_location_id", "number", "extension", "type", "description"]);
    public static readonly HsdsTable Attributes = new("attribute", "attributes.csv",
        ["id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value"]);
    public static readonly HsdsTable Taxonomies = new("taxonomy", "taxonomies.csv", ["id", "name", "description", "uri", "version"]);
    public static readonly HsdsTable TaxonomyTerms = new("taxonomy_term", "taxonomy_terms.csv",
        ["id", "code", "name", "description", "parent_id", "taxonomy", "language", "taxonomy_id", "term_uri"]);

    public static readonly IReadOnlyList<HsdsTable> All =
        [Organizations, OrganizationIdentifiers, Services, Locations, Addresses, ServiceAtLocations, ServiceAreas, Languages, CostOptions,
         Phones, Attributes, Taxonomies, TaxonomyTerms];

    /// <summary>The Data Package field type of a column (everything else is a string).</summary>
    public static string TypeOf(string column) => column switch
    {
        "latitude" or "longitude" or "amount" or "minimum_age" or "maximum_age" or "year_incorporated" or "extension" => "number",
        "assured_date" or "valid_from" or "valid_to" => "date",
        "last_modified" => "datetime",
        _ => "string",
    };
}
