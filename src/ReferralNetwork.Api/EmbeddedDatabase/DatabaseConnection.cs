namespace ReferralNetwork.Api.EmbeddedDatabase;

/// <summary>The database the app will use; <paramref name="IsEmbedded"/> is true for the embedded default (demo data goes only there).</summary>
public sealed record DatabaseConnection(string ConnectionString, bool IsEmbedded);
