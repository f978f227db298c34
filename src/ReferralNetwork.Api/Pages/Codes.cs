namespace ReferralNetwork.Api.Pages;

/// <summary>Form values are the API's kebab-case codes ("no-capacity"); this reads one back as its enum value.</summary>
public static class Codes
{
    public static T? Parse<T>(string? code) where T : struct, Enum =>
        Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => Display.Code(v!.Value.ToString()) == code);
}
