using System.Diagnostics;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Api;

/// <summary>
/// Production loads Wolverine's handler code from src/ReferralNetwork.Api/Internal/Generated instead of generating and
/// compiling it at start (TypeLoadMode.Static, for the cold start): that code must be what the app generates today.
/// </summary>
public sealed class GeneratedCodeTests(ApiFixture api)
{
    public const string UpdateVariable = "REFERRALNETWORK_UPDATE_GENERATED_CODE";

    [Fact]
    public async Task the_committed_generated_code_is_what_the_app_generates_now()
    {
        var committed = Path.Combine(Repository.Root, "src", "ReferralNetwork.Api", "Internal", "Generated");
        var output = Directory.CreateTempSubdirectory("referralnetwork-codegen-");
        try
        {
            // `codegen write` of the very app the tests run, writing under a scratch content root.
            await CodegenWriteAsync(output.FullName);
            var generated = Path.Combine(output.FullName, "Internal", "Generated");
            if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
            {
                if (Directory.Exists(committed)) Directory.Delete(committed, recursive: true);
                CopyTree(generated, committed);
            }

            var expected = Files(generated);
            Assert.NotEmpty(expected);
            var hint = $"Regenerate with `{UpdateVariable}=1 dotnet test --filter GeneratedCodeTests` (or `codegen write`).";
            Assert.True(expected.Keys.SequenceEqual(Files(committed).Keys), $"The generated files differ from the committed ones. {hint}");
            foreach (var (name, path) in expected)
                Assert.True(await File.ReadAllTextAsync(path) == await File.ReadAllTextAsync(Path.Combine(committed, name)), $"{name} is out of date. {hint}");
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    private async Task CodegenWriteAsync(string contentRoot)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        // The host's own build output (same configuration and framework as these tests), not the test folder's copy,
        // where the command scan would meet the test framework's assemblies.
        var binaries = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var host = Path.Combine(Repository.Root, "src", "ReferralNetwork.Api", "bin", binaries.Parent!.Name, binaries.Name, "ReferralNetwork.Api.dll");
        foreach (var argument in new[] { host, "codegen", "write" }) start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_CONTENTROOT"] = contentRoot;
        start.Environment["ConnectionStrings__ReferralNetwork"] = api.ConnectionString;
        start.Environment["Authentication__Schemes__Bearer__Authority"] = "https://issuer.example";
        start.Environment["Authentication__Schemes__Bearer__ValidAudiences__0"] = "referralnetwork";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"codegen write exited with {process.ExitCode}:\n{await stdout}\n{await stderr}");
    }

    private static SortedDictionary<string, string> Files(string root) => new(
        Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(root, f), f => f)
            : [],
        StringComparer.Ordinal);

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
