namespace ControlPlane.Protocols.Shapes;

/// <summary>A shape of a Smithy/botocore service model, with its wire names precomputed for the model's protocol.</summary>
internal abstract class Shape(string name)
{
    public string Name { get; } = name;
}
