using System.Buffers;
using System.Text;

namespace ControlPlane.Protocols.Xml;

/// <summary>
/// A forward-only UTF-8 XML writer over an <see cref="IBufferWriter{T}"/>, for the element-and-text
/// documents AWS query services return. An element closed with no content is written as <c>&lt;name/&gt;</c>.
/// </summary>
internal sealed class Utf8XmlWriter(IBufferWriter<byte> output)
{
    private const int ChunkSize = 16 * 1024;

    // Markup characters, and the C0 controls XML 1.0 forbids (tab, LF and CR are allowed).
    private static readonly SearchValues<byte> Special = SearchValues.Create(
        "<>&\r\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F"u8);

    private Memory<byte> _chunk;
    private int _position;
    private bool _startTagOpen;

    public void Declaration() => Raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"u8);

    public void StartElement(ReadOnlySpan<byte> name)
    {
        CloseStartTag();
        Raw("<"u8);
        Raw(name);
        _startTagOpen = true;
    }

    /// <summary>Starts an element carrying a default namespace, which must not need escaping.</summary>
    public void StartElement(ReadOnlySpan<byte> name, ReadOnlySpan<byte> xmlNamespace)
    {
        StartElement(name);
        Raw(" xmlns=\""u8);
        Raw(xmlNamespace);
        Raw("\""u8);
    }

    public void EndElement(ReadOnlySpan<byte> name)
    {
        if (_startTagOpen)
        {
            Raw("/>"u8);
            _startTagOpen = false;
            return;
        }
        Raw("</"u8);
        Raw(name);
        Raw(">"u8);
    }

    public void Element(ReadOnlySpan<byte> name, string text)
    {
        StartElement(name);
        Text(text);
        EndElement(name);
    }

    public void Text(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
            return;
        CloseStartTag();
        while (true)
        {
            var special = utf8.IndexOfAny(Special);
            if (special < 0)
            {
                Raw(utf8);
                return;
            }
            Raw(utf8[..special]);
            Raw(utf8[special] switch
            {
                (byte)'<' => "&lt;"u8,
                (byte)'>' => "&gt;"u8,
                (byte)'&' => "&amp;"u8,
                // A literal CR would come back as LF from any XML parser (XML 1.0 §2.11).
                (byte)'\r' => "&#xD;"u8,
                // Not representable in XML 1.0 at all, even as a character reference; clients' parsers
                // reject the whole document, so the character is replaced.
                _ => "\uFFFD"u8,
            });
            utf8 = utf8[(special + 1)..];
        }
    }

    public void Text(string text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        var rented = max > 512 ? ArrayPool<byte>.Shared.Rent(max) : null;
        Span<byte> buffer = rented is null ? stackalloc byte[512] : rented;
        Text(buffer[..Encoding.UTF8.GetBytes(text, buffer)]);
        if (rented is not null)
            ArrayPool<byte>.Shared.Return(rented);
    }

    /// <summary>Commits everything written to the underlying buffer writer.</summary>
    public void Flush()
    {
        output.Advance(_position);
        _chunk = default;
        _position = 0;
    }

    private void CloseStartTag()
    {
        if (!_startTagOpen)
            return;
        _startTagOpen = false;
        Raw(">"u8);
    }

    private void Raw(ReadOnlySpan<byte> bytes)
    {
        if (_chunk.Length - _position < bytes.Length)
        {
            output.Advance(_position);
            _chunk = output.GetMemory(Math.Max(bytes.Length, ChunkSize));
            _position = 0;
        }
        bytes.CopyTo(_chunk.Span[_position..]);
        _position += bytes.Length;
    }
}
