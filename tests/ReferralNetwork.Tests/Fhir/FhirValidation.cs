using System.Text.Json;
using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace ReferralNetwork.Tests.Fhir;

/// <summary>
/// Firely's validator against the base FHIR R4 (4.0.1) definitions, offline: the StructureDefinitions come from the
/// specification.zip that Hl7.Fhir.Specification.Data.R4 copies into the test output. Bindings are checked only as
/// far as the local terminology service can (value sets the zip holds and can expand); there is no terminology
/// server here, so codes from external systems (BCP 47, this product's own URNs) are not checked (docs/fhir.md).
/// </summary>
public static class FhirValidation
{
    private static readonly Lazy<Validator> Instance = new(() =>
    {
        var source = new CachedResolver(ZipSource.CreateValidationSource(Path.Combine(AppContext.BaseDirectory, "specification.zip")));
        return new Validator(source, new LocalTerminologyService(source));
    });

    public static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    /// <summary>Parses the served JSON back into a resource (strictly: an unknown element fails) and validates it.</summary>
    public static T Parse<T>(string json) where T : Resource => JsonSerializer.Deserialize<T>(json, Json)!;

    /// <summary>The issues of severity error or fatal, as readable lines (an empty list is a valid resource).</summary>
    public static IReadOnlyList<string> Errors(Resource resource)
    {
        var outcome = Instance.Value.Validate(resource);
        return outcome.Issue.Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{resource.TypeName}/{resource.Id}: {i.Details?.Text ?? i.Diagnostics} at {string.Join(", ", i.Expression ?? [])}").ToList();
    }

    /// <summary>The warnings, for the record (extensions from other IGs are not resolvable offline).</summary>
    public static IReadOnlyList<string> Warnings(Resource resource) =>
        Instance.Value.Validate(resource).Issue.Where(i => i.Severity == OperationOutcome.IssueSeverity.Warning)
            .Select(i => $"{resource.TypeName}/{resource.Id}: {i.Details?.Text ?? i.Diagnostics}").ToList();
}
