namespace ReferralNetwork.Providers;

/// <summary>
/// US National Provider Identifier: 10 digits whose last is a Luhn check digit computed over the
/// card-issuer prefix 80840 followed by the first nine digits (CMS, NPI check digit standard).
/// </summary>
public static class Npi
{
    public static bool IsValid(string npi) =>
        npi.Length == 10 && npi.All(char.IsAsciiDigit) && CheckDigit(npi[..9]) == npi[9] - '0';

    public static int CheckDigit(string firstNine)
    {
        var digits = "80840" + firstNine;
        var sum = 0;
        // Luhn: double every second digit counting leftwards from the one just before the check digit.
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            var doubleIt = (digits.Length - 1 - i) % 2 == 0;
            if (doubleIt) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }
}
