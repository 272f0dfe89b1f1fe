namespace ControlPlane.Protocols.Shapes;

internal enum ScalarType { String, Integer, Long, Boolean, Double, Float, Timestamp, Blob }

internal sealed class ScalarShape(string name, ScalarType type) : Shape(name)
{
    public ScalarType Type { get; } = type;
}
