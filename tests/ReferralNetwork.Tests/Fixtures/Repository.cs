namespace ReferralNetwork.Tests.Fixtures;

/// <summary>The repository the tests run from, for the files a test keeps current (docs/openapi.json, generated code).</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ReferralNetwork.sln"))) return dir.FullName;
        throw new InvalidOperationException("ReferralNetwork.sln not found above the test binaries.");
    }
}
