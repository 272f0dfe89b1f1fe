namespace ControlPlane.Protocols.Tests;

public sealed class ServiceModelTests
{
    [Fact]
    public void Ec2_model_carries_the_protocol_version_and_namespace_of_EC2_responses()
    {
        var model = ServiceModel.Load("ec2");

        Assert.Equal("ec2", model.Protocol);
        Assert.Equal("2016-11-15", model.ApiVersion);
        Assert.Equal("http://ec2.amazonaws.com/doc/2016-11-15/", model.XmlNamespace);
    }

    [Fact]
    public void Sts_model_is_a_query_protocol_model()
    {
        var model = ServiceModel.Load("sts");

        Assert.Equal("query", model.Protocol);
        Assert.Equal("2011-06-15", model.ApiVersion);
        Assert.Equal("https://sts.amazonaws.com/doc/2011-06-15/", model.XmlNamespace);
        Assert.Equal(["GetCallerIdentity"], model.OperationNames);
    }

    [Fact]
    public void Load_returns_one_instance_per_service()
    {
        var models = Enumerable.Range(0, 16).AsParallel().Select(_ => ServiceModel.Load("ec2")).ToArray();

        Assert.All(models, m => Assert.Same(models[0], m));
    }

    [Theory]
    [InlineData("ec2")]
    [InlineData("sts")]
    public void Every_listed_operation_is_in_the_embedded_model(string service)
    {
        var model = ServiceModel.Load(service);
        var listed = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "tools", "trim-model", $"operations-{service}.txt"))
            .Select(line => line.Split('#')[0].Trim())
            .Where(line => line.Length > 0)
            .ToArray();

        Assert.NotEmpty(listed);
        Assert.All(listed, operation => Assert.True(model.HasOperation(operation), $"{operation} is missing"));
        Assert.Equal(listed.Length, model.OperationNames.Count);
    }

    [Fact]
    public void HasOperation_is_false_for_an_action_not_in_the_model()
    {
        Assert.False(ServiceModel.Load("ec2").HasOperation("CreateTransitGateway"));
        Assert.False(ServiceModel.Load("ec2").HasOperation("describeVpcs"));
    }

    [Fact]
    public void Load_rejects_a_service_without_an_embedded_model()
    {
        Assert.Throws<ArgumentException>(() => ServiceModel.Load("no-such-service"));
    }
}
