using System.Text.Json;
using Hl7.Fhir.Model;
using ReferralNetwork.Taxonomy;

namespace ReferralNetwork.Fhir;

/// <summary>The code systems the FHIR views use: HL7's where one fits, this product's own (URNs) for its own codes.</summary>
public static class FhirCodes
{
    public const string Specialty = "urn:referralnetwork:trauma-specialty";
    public const string ReferralStatus = "urn:referralnetwork:referral-status";
    public const string DeclineReason = "urn:referralnetwork:decline-reason";
    public const string CloseOutcome = "urn:referralnetwork:close-outcome";
    public const string AgeGroup = "urn:referralnetwork:age-group";
    public const string AdvocateUser = "urn:referralnetwork:user";
    public const string Npi = "http://hl7.org/fhir/sid/us-npi";
    public const string LanguageSystem = "urn:ietf:bcp:47";
    public const string TaskCode = "http://hl7.org/fhir/CodeSystem/task-code";
    public const string ServiceProvision = "http://terminology.hl7.org/CodeSystem/service-provision-conditions";
    public const string LocationType = "http://terminology.hl7.org/CodeSystem/location-physical-type";
    public const string DataAbsentReason = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";

    /// <summary>Plan-Net 1.1.0's "accepting new patients" extension and its codes (newpt, nopt).</summary>
    public const string NewPatients = "http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/newpatients";
    public const string AcceptingPatients = "http://hl7.org/fhir/us/davinci-pdex-plan-net/CodeSystem/AcceptingPatientsCS";

    public static CodeableConcept SpecialtyConcept(string code)
    {
        var known = TraumaSpecialties.All.FirstOrDefault(s => s.Code == code);
        return new CodeableConcept
        {
            Coding = [new Coding(Specialty, code, known?.Label) { Version = TraumaSpecialties.Version }],
            Text = known?.Label ?? code,
        };
    }

    public static CodeableConcept Language(string code) => new(LanguageSystem, code, Languages.All.FirstOrDefault(l => l.Code == code)?.Name, null);

    public static string Kebab<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static Extension NewPatientsExtension(bool accepting)
    {
        var extension = new Extension { Url = NewPatients };
        extension.Extension.Add(new Extension("acceptingPatients", new CodeableConcept(AcceptingPatients, accepting ? "newpt" : "nopt",
            accepting ? "Accepting" : "Not accepting", null)));
        return extension;
    }
}
