using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using ReferralNetwork.Access;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Access;

/// <summary>
/// docker-compose.yml's Keycloak and the realm it imports (eng/keycloak) must give the app what Authentication.cs reads:
/// the three roles in a `role` claim, `provider_id`, this API's audience, and a code-flow client for the pages. No Docker
/// engine runs here, so the files themselves are checked.
/// </summary>
public sealed partial class KeycloakRealmTests
{
    private static readonly Dictionary<string, object> Compose = ComposeFile.Read(Path.Combine(Repository.Root, "docker-compose.yml"));
    private static readonly Dictionary<string, object> Services = (Dictionary<string, object>)Compose["services"];
    private static readonly Dictionary<string, object> Keycloak = (Dictionary<string, object>)Services["keycloak"];
    private static readonly Dictionary<string, object> ApiEnvironment = (Dictionary<string, object>)((Dictionary<string, object>)Services["api"])["environment"];
    private static readonly JsonElement Realm = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "eng/keycloak/referralnetwork-realm.json"))).RootElement;

    [Fact]
    public void compose_runs_an_official_keycloak_importing_the_realm_reachable_from_this_machine_only()
    {
        Assert.Matches(@"^quay\.io/keycloak/keycloak:\d+\.\d+", (string)Keycloak["image"]);
        var command = (List<string>)Keycloak["command"];
        Assert.Contains("start-dev", command);
        Assert.Contains("--import-realm", command);
        Assert.Contains("./eng/keycloak:/opt/keycloak/data/import:ro", (List<string>)Keycloak["volumes"]);
        foreach (var service in Services.Values.Cast<Dictionary<string, object>>())
            Assert.All((List<string>)service["ports"], port => Assert.StartsWith("127.0.0.1:", port));
    }

    [Fact]
    public void the_api_defaults_to_the_realm_as_its_issuer_with_the_audience_and_client_the_realm_defines()
    {
        var port = ((List<string>)Keycloak["command"]).Single(a => a.StartsWith("--http-port=", StringComparison.Ordinal)).Split('=')[1];
        var issuer = $"http://keycloak:{port}/realms/{Realm.GetProperty("realm").GetString()}";
        Assert.Equal(issuer, Default("Authentication__Schemes__Bearer__Authority"));
        Assert.Equal(issuer, Default("Authentication__Schemes__OpenIdConnect__Authority"));

        var pages = Client("referralnetwork-pages");
        Assert.Equal(pages.GetProperty("clientId").GetString(), Default("Authentication__Schemes__OpenIdConnect__ClientId"));
        Assert.Equal(pages.GetProperty("secret").GetString(), Default("Authentication__Schemes__OpenIdConnect__ClientSecret"));
        Assert.Equal(TestTokens.Audience, Default("Authentication__Schemes__Bearer__ValidAudiences__0"));
        foreach (var client in Realm.GetProperty("clients").EnumerateArray())
            Assert.Equal(TestTokens.Audience, Mapper(client, "oidc-audience-mapper").GetProperty("included.custom.audience").GetString());
    }

    [Fact]
    public void every_client_puts_the_roles_in_a_role_claim_and_provider_id_in_the_tokens()
    {
        Assert.Equal(Roles.All.Order(), Realm.GetProperty("roles").GetProperty("realm").EnumerateArray().Select(r => r.GetProperty("name").GetString()!).Order());
        foreach (var client in Realm.GetProperty("clients").EnumerateArray())
        {
            var role = Mapper(client, "oidc-usermodel-realm-role-mapper");
            Assert.Equal(Roles.RoleClaim, role.GetProperty("claim.name").GetString());
            var providerId = Mapper(client, "oidc-usermodel-attribute-mapper");
            Assert.Equal(Roles.ProviderIdClaim, providerId.GetProperty("user.attribute").GetString());
            Assert.Equal(Roles.ProviderIdClaim, providerId.GetProperty("claim.name").GetString());
            foreach (var token in new[] { "access.token.claim", "id.token.claim", "userinfo.token.claim" })
                Assert.True(role.GetProperty(token).GetString() == "true" && providerId.GetProperty(token).GetString() == "true", token);
        }
        // provider_id is declared in the user profile, and only an administrator may see or change it.
        var profile = JsonDocument.Parse(Realm.GetProperty("components").GetProperty("org.keycloak.userprofile.UserProfileProvider")[0]
            .GetProperty("config").GetProperty("kc.user.profile.config")[0].GetString()!).RootElement;
        var attribute = profile.GetProperty("attributes").EnumerateArray().Single(a => a.GetProperty("name").GetString() == Roles.ProviderIdClaim);
        Assert.Equal("[\"admin\"]", attribute.GetProperty("permissions").GetProperty("edit").GetRawText());
    }

    [Fact]
    public void the_pages_client_is_confidential_code_flow_with_pkce_back_to_the_apps_callback()
    {
        var pages = Client("referralnetwork-pages");
        Assert.False(pages.GetProperty("publicClient").GetBoolean());
        Assert.True(pages.GetProperty("standardFlowEnabled").GetBoolean());
        Assert.False(pages.GetProperty("implicitFlowEnabled").GetBoolean());
        Assert.False(pages.GetProperty("directAccessGrantsEnabled").GetBoolean());
        Assert.Equal("S256", pages.GetProperty("attributes").GetProperty("pkce.code.challenge.method").GetString());
        var callback = new OpenIdConnectOptions().CallbackPath.Value!;
        Assert.All(pages.GetProperty("redirectUris").EnumerateArray(), uri => Assert.EndsWith(callback, uri.GetString()));
        Assert.Contains("127.0.0.1:8080:8080", (List<string>)((Dictionary<string, object>)Services["api"])["ports"]);
    }

    [Fact]
    public void there_is_a_demo_user_per_role_and_the_provider_user_has_a_provider_id()
    {
        var users = Realm.GetProperty("users").EnumerateArray().ToList();
        Assert.Equal(Roles.All.Order(), users.SelectMany(u => u.GetProperty("realmRoles").EnumerateArray().Select(r => r.GetString()!)).Order());
        Assert.All(users, u => Assert.Equal("password", u.GetProperty("credentials")[0].GetProperty("type").GetString()));
        var provider = users.Single(u => u.GetProperty("realmRoles")[0].GetString() == Roles.Provider);
        Assert.True(Guid.TryParse(provider.GetProperty("attributes").GetProperty(Roles.ProviderIdClaim)[0].GetString(), out _));
    }

    private static JsonElement Client(string id) => Realm.GetProperty("clients").EnumerateArray().Single(c => c.GetProperty("clientId").GetString() == id);

    private static JsonElement Mapper(JsonElement client, string type) =>
        client.GetProperty("protocolMappers").EnumerateArray().Single(m => m.GetProperty("protocolMapper").GetString() == type).GetProperty("config");

    /// <summary>The value a compose variable falls back to: ${NAME:-default}.</summary>
    private static string Default(string variable) => DefaultValue().Match((string)ApiEnvironment[variable]) is { Success: true } m
        ? m.Groups[1].Value
        : throw new Xunit.Sdk.XunitException($"{variable} has no ${{NAME:-default}}: {ApiEnvironment[variable]}");

    [GeneratedRegex(@"^\$\{[A-Z_]+:-([^}]*)\}$")]
    private static partial Regex DefaultValue();
}
