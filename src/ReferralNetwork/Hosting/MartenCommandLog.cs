using JasperFx;
using Marten;
using Marten.Exceptions;
using Marten.Services;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ReferralNetwork.Hosting;

/// <summary>
/// Marten's command log, without what the commands carry. Marten's own logger writes every parameter value (event
/// bodies, profiles, notes) with a failed command at Error, and with every command at Debug; and it logs each lost
/// write race (MT003, a duplicate event version) twice at Error with a stack trace, although the request is simply
/// answered 409/412. Here: SQL text only at Debug, a lost race as one Debug line, any other failure as its type and
/// SQLSTATE (messages can quote values; the request's 500 is logged with its trace id by the host).
/// </summary>
public sealed partial class MartenCommandLog(ILogger<IDocumentStore> logger) : IMartenLogger, IMartenSessionLogger
{
    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    public void SchemaChange(string sql) => SchemaChanged(logger, sql);

    public void OnBeforeExecute(NpgsqlCommand command) { }

    public void OnBeforeExecute(NpgsqlBatch batch) { }

    public void LogSuccess(NpgsqlCommand command) => Executed(logger, command.CommandText);

    public void LogSuccess(NpgsqlBatch batch)
    {
        if (!logger.IsEnabled(LogLevel.Debug)) return;
        foreach (var command in batch.BatchCommands) Executed(logger, command.CommandText);
    }

    public void LogFailure(NpgsqlCommand command, Exception ex) => Failed(ex, command.CommandText.Length > 0);

    public void LogFailure(NpgsqlBatch batch, Exception ex) => Failed(ex, true);

    public void LogFailure(Exception ex, string message) => Failed(ex, false);

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit) =>
        Saved(logger, commit.Inserted.Count(), commit.Updated.Count(), commit.Deleted.Count());

    // Marten reports one failure twice: with the failing command, then (after the rollback) with an empty one.
    private void Failed(Exception ex, bool atTheCommand)
    {
        if (IsLostRace(ex) is { } state)
        {
            if (atTheCommand) LostRace(logger, state);
        }
        else if (ex is OperationCanceledException) Cancelled(logger);
        else Error(logger, ex.GetType().FullName, (ex as PostgresException)?.SqlState);
    }

    /// <summary>The SQLSTATE (or exception type) of a write that lost to a concurrent one on the same stream, else null.</summary>
    public static string? IsLostRace(Exception ex) => ex switch
    {
        PostgresException { SqlState: "MT003" } pg => pg.SqlState,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg when pg.TableName is { } table
            && (table.StartsWith("mt_events", StringComparison.Ordinal) || table.StartsWith("mt_streams", StringComparison.Ordinal)) => pg.SqlState,
        ConcurrencyException or ExistingStreamIdCollisionException => ex.GetType().Name,
        _ => ex.InnerException is { } inner ? IsLostRace(inner) : null,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Executed schema update SQL:\n{Sql}")]
    private static partial void SchemaChanged(ILogger logger, string sql);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Marten executed: {Sql}")]
    private static partial void Executed(ILogger logger, string sql);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Saved changes: {Inserted} inserts, {Updated} updates, {Deleted} deletions")]
    private static partial void Saved(ILogger logger, int inserted, int updated, int deleted);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A write lost a race with a concurrent one on the same stream ({Reason}); the request is answered 409/412")]
    private static partial void LostRace(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A Marten command was cancelled")]
    private static partial void Cancelled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "A Marten command failed: {ExceptionType} (SQLSTATE {SqlState})")]
    private static partial void Error(ILogger logger, string? exceptionType, string? sqlState);
}
