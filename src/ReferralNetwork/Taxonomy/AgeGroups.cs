namespace ReferralNetwork.Taxonomy;

/// <summary>An age group a provider serves and a referral asks for.</summary>
public sealed record AgeGroup(string Code, string Label);

public static class AgeGroups
{
    public static IReadOnlyList<AgeGroup> All { get; } =
    [
        new("early-childhood", "Early childhood (0-5)"),
        new("child", "Child (6-12)"),
        new("adolescent", "Adolescent (13-17)"),
        new("young-adult", "Young adult (18-24)"),
        new("adult", "Adult (25+)"),
        new("caregivers", "Parents and caregivers"),
    ];

    /// <summary>Whether <paramref name="code"/> is one of the codes above, exactly as written.</summary>
    public static bool IsKnown(string code) => All.Any(group => group.Code == code);
}
