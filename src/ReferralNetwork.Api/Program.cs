using JasperFx;
using JasperFx.CodeGeneration;
using ReferralNetwork.Api;
using ReferralNetwork.Api.EmbeddedDatabase;
using ReferralNetwork.Demo;
using ReferralNetwork.Fhir;
using ReferralNetwork.Hosting;
using ReferralNetwork.Notifications;
using Wolverine;
using Wolverine.Http;

var builder = WebApplication.CreateBuilder(args);
var database = await builder.ResolveReferralNetworkDatabaseAsync();

builder.Services.AddReferralNetworkStore(database.ConnectionString, ConnectionBudget.From(builder.Configuration, database.ConnectionString));
// Production loads the handler code committed under Internal/Generated (`codegen write`) instead of compiling it at start.
builder.Services.CritterStackDefaults(x =>
{
    x.Production.GeneratedCodeMode = TypeLoadMode.Static;
    x.Production.AssertAllPreGeneratedTypesExist = true;
});
builder.Host.UseWolverine(options =>
{
    options.ApplicationAssembly = typeof(Program).Assembly; // where the pre-generated code is, whoever hosts the app
    options.AddReferralNetworkHandlers().UseClusterSettings(builder.Configuration).UseRuntimeCompilation();
    options.UseNotificationDelivery(builder.Configuration);
});
builder.Services.AddWolverineHttp();
builder.Services.AddQuietUnreadableBodies();
builder.Services.AddApiConventions();
builder.Services.AddReferralNetworkAuthentication(builder.Configuration, builder.Environment);
builder.Services.AddWebPages();
builder.Services.AddRateLimits();
builder.Services.AddSecurityHeaders(builder.Configuration);
builder.Services.AddApiDocumentation();
builder.Services.AddHealth();
builder.Services.AddDemoNetwork(database.IsEmbedded, builder.Configuration);
builder.Services.AddNotifications(builder.Environment.IsDevelopment(), MailPickup.DefaultFolder(builder.Configuration));

var app = builder.Build();
app.UseSecurityHeaders();
app.UseApiConventions();
app.UseWebPages();
app.UseCrossSiteWriteProtection();
app.UseFhirFormat();
app.UseReferralNetworkAccess();
app.UseInputRules();
app.MapWolverineEndpoints(http => http.UseReferralNetworkEndpoints());
app.MapApiDocumentation();
app.MapHealth();
app.MapWebPages();

return await app.RunJasperFxCommands(args);

public partial class Program;
