using System.Reflection;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.UserSecrets;
using Microsoft.Extensions.FileProviders;

namespace ReferralNetwork.Api;

/// <summary>
/// `dotnet user-jwts create` writes its signing key into this app's user-secrets file, and the JWT bearer handler
/// looks keys up in configuration at each validation, so a token made while the app runs counts as soon as the
/// file reloads. But user secrets are watched in their folder only if that folder exists at start; on a fresh
/// machine (the README's order: run, then make a token) it does not, the source falls back to the content root,
/// and the key was seen only after a restart. So in Development, create the folder and read the file from there.
/// </summary>
public static class DevelopmentSecrets
{
    private const string SecretsFile = "secrets.json";

    public static void WatchUserSecrets(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsDevelopment() || configuration is not IConfigurationBuilder builder) return;
        if (typeof(DevelopmentSecrets).Assembly.GetCustomAttribute<UserSecretsIdAttribute>()?.UserSecretsId is not { } id) return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(PathHelper.GetSecretsPathFromSecretsId(id)))!;
        var index = builder.Sources.ToList().FindIndex(s => s is JsonConfigurationSource { Path: SecretsFile });
        if (index < 0 || builder.Sources[index] is not JsonConfigurationSource secrets || !secrets.ReloadOnChange
            || secrets.FileProvider is PhysicalFileProvider { Root: var root } && Path.GetFullPath(root).TrimEnd('/') == folder) return;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return; // a home folder without write access: the key still counts after a restart
        }
        builder.Sources[index] = new JsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(folder),
            Path = SecretsFile,
            Optional = secrets.Optional,
            ReloadOnChange = true,
        };
    }
}
