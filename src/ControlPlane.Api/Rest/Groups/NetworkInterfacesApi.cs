using ControlPlane.Application.Features.Instances;
using ControlPlane.Application.Features.NetworkInterfaces;

namespace ControlPlane.Api.Rest.Groups;

/// <summary><c>/api/v1/network-interfaces</c> and <c>/api/v1/instances</c>.</summary>
internal static class NetworkInterfacesApi
{
    public static void Map(RestApiBuilder api)
    {
        api.Resource("network-interfaces", "networkInterfaceId", "NetworkInterface", "network interface", "Network interfaces")
            .List("DescribeNetworkInterfaces", NetworkInterfaceViews.Filters.Names)
            .Get("DescribeNetworkInterfaces")
            .Create("CreateNetworkInterface", id: "NetworkInterface.NetworkInterfaceId")
            .Delete("DeleteNetworkInterface")
            .Patch("{networkInterfaceId}", "ModifyNetworkInterfaceAttribute", "Change one attribute (groups, description, sourceDestCheck, attachment)")
            .Post("{networkInterfaceId}/attachments", "AttachNetworkInterface", "Attach the interface to an instance (instanceId, deviceIndex)")
            .Delete("/network-interface-attachments/{attachmentId}", "DetachNetworkInterface", "Detach an interface from its instance");

        api.Resource("instances", "instanceId", "Instance", "instance", "Instances")
            .List("DescribeInstances", InstanceViews.Filters.Names)
            .Get("DescribeInstances", item: "Reservations[0].Instances[0]")
            .Post("", "RunInstances", "Launch instances; answers the reservation with every instance launched")
            .Delete("TerminateInstances", "Terminate an instance (it stays visible as terminated for an hour)")
            .Patch("{instanceId}", "ModifyInstanceAttribute", "Change one instance attribute")
            .Post("{instanceId}/stop", "StopInstances", "Stop an instance")
            .Post("{instanceId}/start", "StartInstances", "Start a stopped instance");
    }
}
