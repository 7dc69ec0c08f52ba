using System.Xml;
using System.Xml.Linq;

namespace ClassifyPipeline.Ingest;

/// <summary>
/// Parses a feed's (repaired) text into an element tree with a hardened <see cref="XmlReader"/>: DTDs are
/// ignored (and <see cref="FeedXmlRepair"/> has blanked the DOCTYPE already), no resolver, so nothing outside the
/// text is ever opened or fetched, entity expansion capped. The tree is built here rather than by
/// <see cref="XDocument.Load(XmlReader)"/> so that nesting is capped (LINQ to XML walks a tree recursively: a file
/// nested a few hundred thousand deep would overflow the stack and end the process) and anything after the
/// root element's end is ignored. Throws <see cref="XmlException"/> when the text is not well-formed.
/// </summary>
public static class FeedXml
{
    /// <summary>The deepest element nesting read; deeper is an error (no real feed comes close).</summary>
    public const int MaxDepth = 256;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        ConformanceLevel = ConformanceLevel.Document,
    };

    private static readonly string XmlnsNamespace = XNamespace.Xmlns.NamespaceName;

    public static XElement Load(string text)
    {
        using var reader = XmlReader.Create(new StringReader(text), Settings);
        var stack = new Stack<XElement>();
        XElement? root = null;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
                    while (reader.MoveToNextAttribute())
                    {
                        if (reader.NamespaceURI != XmlnsNamespace)
                            element.SetAttributeValue(XName.Get(reader.LocalName, reader.NamespaceURI), reader.Value);
                    }
                    reader.MoveToElement();
                    if (stack.Count == 0)
                        root = element;
                    else
                        stack.Peek().Add(element);
                    if (!reader.IsEmptyElement)
                    {
                        if (stack.Count >= MaxDepth)
                            throw new XmlException($"elements nested deeper than {MaxDepth} levels", null, Line(reader), Position(reader));
                        stack.Push(element);
                    }
                    else if (stack.Count == 0)
                        return root!;
                    break;
                case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace when stack.Count > 0:
                    stack.Peek().Add(new XText(reader.Value));
                    break;
                case XmlNodeType.CDATA when stack.Count > 0:
                    stack.Peek().Add(new XCData(reader.Value));
                    break;
                case XmlNodeType.EndElement:
                    stack.Pop();
                    if (stack.Count == 0)
                        return root!; // whatever follows the root element is not read
                    break;
            }
        }
        throw new XmlException("the text holds no element", null, Line(reader), Position(reader));
    }

    private static int Line(XmlReader reader) => reader is IXmlLineInfo info ? info.LineNumber : 0;

    private static int Position(XmlReader reader) => reader is IXmlLineInfo info ? info.LinePosition : 0;
}
