using System.Net;
using ControlPlane.Api.Tests.Infrastructure;

namespace ControlPlane.Api.Tests.Rest;

/// <summary><c>/api/v1/network-interfaces</c> and <c>/api/v1/instances</c> over HTTP, on both stores.</summary>
public abstract class RestNetworkInterfaceTests(Emulator emulator)
{
    [Collection(SqliteCollection.Name)] public sealed class OnSqlite(SqliteEmulator e) : RestNetworkInterfaceTests(e);
    [Collection(PostgresCollection.Name)] public sealed class OnPostgres(PostgresEmulator e) : RestNetworkInterfaceTests(e);

    private const string Ami = "ami-0123456789abcdef0";
    private readonly RestClient _rest = emulator.Rest();

    private async Task<(string Vpc, string Subnet, string Group)> NewNetworkAsync()
    {
        var vpc = (await _rest.PostAsync("/api/v1/vpcs", new { cidrBlock = "10.0.0.0/16" })).Ok(HttpStatusCode.Created).Str("vpcId");
        var subnet = (await _rest.PostAsync("/api/v1/subnets", new { vpcId = vpc, cidrBlock = "10.0.1.0/24" })).Ok(HttpStatusCode.Created).Str("subnetId");
        var group = (await _rest.PostAsync("/api/v1/security-groups", new { groupName = "app", description = "app", vpcId = vpc })).Ok(HttpStatusCode.Created).Str("groupId");
        return (vpc, subnet, group);
    }

    private async Task<string> RunAsync(string subnet) =>
        (await _rest.PostAsync("/api/v1/instances", new { imageId = Ami, instanceType = "t3.micro", minCount = 1, maxCount = 1, subnetId = subnet }))
            .Ok().Arr("instances")[0].Str("instanceId");

    [Fact]
    public async Task An_interface_is_created_read_listed_changed_and_deleted()
    {
        var (_, subnet, group) = await NewNetworkAsync();
        var created = await _rest.PostAsync("/api/v1/network-interfaces", new { subnetId = subnet, groups = new[] { group }, privateIpAddress = "10.0.1.10", description = "db" });
        var eni = created.Ok(HttpStatusCode.Created);
        var id = eni.Str("networkInterfaceId");
        Assert.Equal($"/api/v1/network-interfaces/{id}", created.Location);
        Assert.Equal("10.0.1.10", eni.Str("privateIpAddress"));
        Assert.Equal(group, Assert.Single(eni.Arr("groups")).Str("groupId"));

        Assert.Equal("db", (await _rest.GetAsync($"/api/v1/network-interfaces/{id}")).Ok().Str("description"));
        var listed = (await _rest.GetAsync($"/api/v1/network-interfaces?subnet-id={subnet}&private-ip-address=10.0.1.10")).Ok().Arr("networkInterfaces");
        Assert.Equal(id, Assert.Single(listed).Str("networkInterfaceId"));
        var changed = (await _rest.PatchAsync($"/api/v1/network-interfaces/{id}", new { description = new { value = "primary db" } })).Ok();
        Assert.Equal("primary db", changed.Str("description"));

        (await _rest.DeleteAsync($"/api/v1/network-interfaces/{id}")).NoContent();
        (await _rest.GetAsync($"/api/v1/network-interfaces/{id}")).Problem(HttpStatusCode.NotFound, "InvalidNetworkInterfaceID.NotFound");
    }

    [Fact]
    public async Task Interface_errors_are_conflicts_not_found_and_bad_requests()
    {
        var (_, subnet, group) = await NewNetworkAsync();
        (await _rest.PostAsync("/api/v1/network-interfaces", new { subnetId = subnet, privateIpAddress = "10.0.1.10" })).Ok(HttpStatusCode.Created);
        (await _rest.PostAsync("/api/v1/network-interfaces", new { subnetId = subnet, privateIpAddress = "10.0.1.10" })).Problem(HttpStatusCode.Conflict, "InvalidIPAddress.InUse");
        (await _rest.DeleteAsync($"/api/v1/security-groups/{group}")).NoContent();
        (await _rest.PostAsync("/api/v1/network-interfaces", new { subnetId = subnet, groups = new[] { group } })).Problem(HttpStatusCode.NotFound, "InvalidGroup.NotFound");
        (await _rest.PostAsync("/api/v1/network-interfaces", new { subnetId = "subnet-0123456789abcdef0" })).Problem(HttpStatusCode.NotFound, "InvalidSubnetID.NotFound");
        (await _rest.PostAsync("/api/v1/network-interfaces", new { subnetId = subnet, privateIpAddress = "10.9.9.9" })).Problem(HttpStatusCode.BadRequest, "InvalidParameterValue");
        (await _rest.GetAsync("/api/v1/network-interfaces/eni-1")).Problem(HttpStatusCode.BadRequest, "InvalidNetworkInterfaceID.Malformed");
        (await _rest.DeleteAsync("/api/v1/network-interfaces/eni-0123456789abcdef0")).Problem(HttpStatusCode.NotFound, "InvalidNetworkInterfaceID.NotFound");
        (await _rest.DeleteAsync($"/api/v1/subnets/{subnet}")).Problem(HttpStatusCode.Conflict, "DependencyViolation");
    }

    [Fact]
    public async Task Instances_run_are_read_listed_stopped_started_changed_and_terminated()
    {
        var (_, subnet, group) = await NewNetworkAsync();
        var reservation = (await _rest.PostAsync("/api/v1/instances", new
        {
            imageId = Ami, instanceType = "t3.micro", minCount = 2, maxCount = 2, subnetId = subnet, securityGroupIds = new[] { group },
        })).Ok();
        Assert.Equal(2, reservation.Arr("instances").Count);
        var id = reservation.Arr("instances")[0].Str("instanceId");

        var instance = (await _rest.GetAsync($"/api/v1/instances/{id}")).Ok();
        Assert.Equal(subnet, instance.Str("subnetId"));
        var listed = (await _rest.GetAsync($"/api/v1/instances?subnet-id={subnet}")).Ok().Arr("reservations");
        Assert.Equal(2, Assert.Single(listed).Arr("instances").Count);

        var stopping = (await _rest.PostAsync($"/api/v1/instances/{id}/stop")).Ok();
        Assert.Equal("stopping", stopping.Arr("stoppingInstances")[0]!["currentState"].Str("name"));
        var changed = (await _rest.PatchAsync($"/api/v1/instances/{id}", new { instanceType = new { value = "t3.small" } })).Ok();
        Assert.Equal("t3.small", changed.Str("instanceType"));
        var starting = (await _rest.PostAsync($"/api/v1/instances/{id}/start")).Ok();
        Assert.Equal("pending", starting.Arr("startingInstances")[0]!["currentState"].Str("name"));

        (await _rest.DeleteAsync($"/api/v1/instances/{id}")).NoContent();
        Assert.Equal("terminated", (await _rest.GetAsync($"/api/v1/instances/{id}")).Ok()["state"].Str("name"));
    }

    [Fact]
    public async Task Interfaces_attach_to_and_detach_from_instances()
    {
        var (_, subnet, _) = await NewNetworkAsync();
        var instance = await RunAsync(subnet);
        var eni = (await _rest.PostAsync("/api/v1/network-interfaces", new { subnetId = subnet })).Ok(HttpStatusCode.Created).Str("networkInterfaceId");

        var attached = (await _rest.PostAsync($"/api/v1/network-interfaces/{eni}/attachments", new { instanceId = instance, deviceIndex = 1 })).Ok();
        var attachment = attached.Str("attachmentId");
        Assert.Equal(instance, (await _rest.GetAsync($"/api/v1/network-interfaces/{eni}")).Ok()["attachment"].Str("instanceId"));
        (await _rest.PostAsync($"/api/v1/network-interfaces/{eni}/attachments", new { instanceId = instance, deviceIndex = 2 }))
            .Problem(HttpStatusCode.Conflict, "InvalidNetworkInterface.InUse");
        (await _rest.DeleteAsync($"/api/v1/network-interfaces/{eni}")).Problem(HttpStatusCode.BadRequest, "InvalidParameterValue");

        (await _rest.DeleteAsync($"/api/v1/network-interface-attachments/{attachment}")).NoContent();
        Assert.Equal("available", (await _rest.GetAsync($"/api/v1/network-interfaces/{eni}")).Ok().Str("status"));
        (await _rest.DeleteAsync($"/api/v1/network-interface-attachments/{attachment}")).Problem(HttpStatusCode.NotFound, "InvalidAttachmentID.NotFound");
    }

    [Fact]
    public async Task Instance_errors_are_not_found_and_bad_requests()
    {
        var (_, subnet, _) = await NewNetworkAsync();
        (await _rest.GetAsync("/api/v1/instances/i-0123456789abcdef0")).Problem(HttpStatusCode.NotFound, "InvalidInstanceID.NotFound");
        (await _rest.GetAsync("/api/v1/instances/server-1")).Problem(HttpStatusCode.BadRequest, "InvalidInstanceID.Malformed");
        (await _rest.PostAsync("/api/v1/instances/i-0123456789abcdef0/stop")).Problem(HttpStatusCode.NotFound, "InvalidInstanceID.NotFound");
        (await _rest.PostAsync("/api/v1/instances", new { imageId = Ami, instanceType = "t3.micro", minCount = 1, maxCount = 1, subnetId = subnet, privateIpAddress = "10.5.0.1" }))
            .Problem(HttpStatusCode.BadRequest, "InvalidParameterValue");
        var id = await RunAsync(subnet);
        (await _rest.PatchAsync($"/api/v1/instances/{id}", new { instanceType = new { value = "t3.small" } })).Problem(HttpStatusCode.BadRequest, "IncorrectInstanceState");
    }
}
