using System.Net;
using Hl7.Fhir.Model;
using Marten;
using ReferralNetwork.Access;
using ReferralNetwork.Referrals;
using ReferralNetwork.Tests.Fixtures;
using FhirTask = Hl7.Fhir.Model.Task;
using Task = System.Threading.Tasks.Task;

namespace ReferralNetwork.Tests.Fhir;

public sealed class FhirTaskTests(ApiFixture api)
{
    private async Task<(HttpStatusCode Status, string Body)> Get(string path, Caller? caller)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (caller is not null) request.As(caller);
        using var response = await api.Anonymous.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<FhirTask> TaskOf(Guid referral, Caller? caller = null)
    {
        var (status, body) = await Get($"/fhir/Task/{referral}", caller ?? Caller.Admin);
        Assert.True(status == HttpStatusCode.OK, body);
        var task = FhirValidation.Parse<FhirTask>(body);
        Assert.Empty(FhirValidation.Errors(task));
        return task;
    }

    private async Task Act(Guid referral, string action, object? body = null) =>
        Assert.Equal(HttpStatusCode.OK, (await api.Act(referral, action, body ?? ReferralScenarios.BodyFor(action))).StatusCode);

    [Fact]
    public async Task a_new_referral_is_a_requested_order_owned_by_the_providers_role()
    {
        var (provider, referral) = await api.Referred();

        var task = await TaskOf(referral);

        Assert.Equal(referral.ToString(), task.Id);
        Assert.Equal(FhirTask.TaskStatus.Requested, task.Status);
        Assert.Equal("requested", task.BusinessStatus!.Coding[0].Code);
        Assert.Equal(FhirTask.TaskIntent.Order, task.Intent);
        Assert.Equal("fulfill", task.Code!.Coding[0].Code);
        Assert.Equal($"PractitionerRole/{provider}", task.Owner!.Reference);
        Assert.Equal(ReferralScenarios.Advocate, task.Requester!.Identifier!.Value);
        Assert.Equal("ServiceRequest", task.Focus!.Type);
        Assert.Equal("Patient", task.For!.Type);
        Assert.Null(task.For!.Reference);
        Assert.NotNull(task.AuthoredOn);
        Assert.NotNull(task.LastModified);
        Assert.Null(task.StatusReason);
        Assert.Equal(RequestPriority.Urgent, task.Priority);
    }

    [Fact]
    public async Task a_decline_is_rejected_with_its_reason_and_never_the_providers_note()
    {
        var (_, referral) = await api.Referred();
        await Act(referral, Referral.Decline, new DeclineReferral(DeclineReason.Other, "The family lives too far from the office."));

        var task = await TaskOf(referral);

        Assert.Equal(FhirTask.TaskStatus.Rejected, task.Status);
        Assert.Equal("declined", task.BusinessStatus!.Coding[0].Code);
        Assert.Equal("other", task.StatusReason!.Coding[0].Code);
        var (_, json) = await Get($"/fhir/Task/{referral}", Caller.Admin);
        Assert.DoesNotContain("too far", json);
    }

    [Fact]
    public async Task each_step_of_the_lifecycle_maps_to_the_task_status_in_docs_referrals()
    {
        var (_, referral) = await api.Referred();
        await Act(referral, Referral.View, null);
        Assert.Equal(FhirTask.TaskStatus.Received, (await TaskOf(referral)).Status);
        await Act(referral, Referral.Waitlist);
        var waitlisted = await TaskOf(referral);
        Assert.Equal(FhirTask.TaskStatus.OnHold, waitlisted.Status);
        Assert.Contains("4 weeks", waitlisted.StatusReason!.Text);
        await Act(referral, Referral.Accept);
        Assert.Equal(FhirTask.TaskStatus.Accepted, (await TaskOf(referral)).Status);
        await Act(referral, Referral.Schedule);
        var scheduled = await TaskOf(referral);
        Assert.Equal(FhirTask.TaskStatus.InProgress, scheduled.Status);
        Assert.Equal(ProviderScenarios.Today.AddDays(7).ToString("yyyy-MM-dd"), scheduled.ExecutionPeriod!.Start);
        await Act(referral, Referral.Close);
        var closed = await TaskOf(referral);
        Assert.Equal(FhirTask.TaskStatus.Completed, closed.Status);
        Assert.Equal("completed", ((CodeableConcept)closed.Output[0].Value!).Coding[0].Code);

        var (_, withdrawn) = await api.Referred();
        Assert.Equal(HttpStatusCode.OK, (await api.Act(withdrawn, Referral.Withdraw, new WithdrawReferral("family moved"))).StatusCode);
        Assert.Equal(FhirTask.TaskStatus.Cancelled, (await TaskOf(withdrawn)).Status);
    }

    [Fact]
    public async Task no_family_data_appears_in_the_task()
    {
        var (_, referral) = await api.Referred();
        var summary = await api.Summary(referral);

        var (_, json) = await Get($"/fhir/Task/{referral}", Caller.Admin);

        string[] family = [summary.FamilyReference, summary.Contact.GuardianContact!, summary.Note!, "tf-cbt", "\"es\"", "child", "phone"];
        Assert.All(family, value => Assert.DoesNotContain(value, json, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task its_parties_and_admins_read_it_others_get_the_404_of_an_unknown_id_and_every_read_is_audited()
    {
        var (provider, referral) = await api.Referred();
        var other = await api.Onboarded(ProviderScenarios.Onboarding("Other Provider"));

        Assert.Equal(HttpStatusCode.OK, (await Get($"/fhir/Task/{referral}", Caller.Advocate())).Status);
        Assert.Equal(HttpStatusCode.OK, (await Get($"/fhir/Task/{referral}", Caller.Provider(provider))).Status);
        Assert.Equal(HttpStatusCode.OK, (await Get($"/fhir/Task/{referral}", Caller.Admin)).Status);
        var hidden = await Get($"/fhir/Task/{referral}", Caller.Provider(other.Id));
        var stranger = await Get($"/fhir/Task/{referral}", Caller.Advocate("advocate-someone-else"));
        var unknownId = Guid.CreateVersion7();
        var unknown = await Get($"/fhir/Task/{unknownId}", Caller.Admin);
        var anonymous = await Get($"/fhir/Task/{referral}", null);

        Assert.Equal(HttpStatusCode.NotFound, hidden.Status);
        Assert.Equal(HttpStatusCode.NotFound, stranger.Status);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal(Diagnostics(unknown.Body).Replace(unknownId.ToString(), referral.ToString()), Diagnostics(hidden.Body));
        Assert.Equal(OperationOutcome.IssueType.NotFound, FhirValidation.Parse<OperationOutcome>(hidden.Body).Issue[0].Code);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.Equal(OperationOutcome.IssueType.Login, FhirValidation.Parse<OperationOutcome>(anonymous.Body).Issue[0].Code);

        await using var session = api.Store.QuerySession();
        var reads = await session.Query<AccessRecord>().Where(r => r.SubjectId == referral && r.Action == AccessAudit.ReadReferral).ToListAsync();
        Assert.Equal(["admin", "advocate", "provider"], reads.Select(r => r.Role).Order().ToArray());
    }

    private static string Diagnostics(string outcome) => FhirValidation.Parse<OperationOutcome>(outcome).Issue[0].Diagnostics!;
}
