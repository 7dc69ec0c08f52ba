using System.Xml.Linq;

namespace ClassifyPipeline.Ingest;

/// <summary>The kinds of feed read, by their root element.</summary>
public enum FeedKind
{
    /// <summary><c>&lt;rss&gt;</c> with any version or none (0.91 to 2.0), or a bare <c>&lt;channel&gt;</c>.</summary>
    Rss,

    /// <summary><c>&lt;rdf:RDF&gt;</c>: RSS 0.90 and RSS 1.0, items beside the channel.</summary>
    Rdf,

    /// <summary><c>&lt;feed&gt;</c> in the Atom 1.0 namespace (or none).</summary>
    Atom10,

    /// <summary><c>&lt;feed&gt;</c> in the Atom 0.3 namespace.</summary>
    Atom03,
}

/// <summary>
/// A parsed feed: its kind, the element that holds its metadata (RSS channel, Atom feed), its items, and the
/// namespaces its own elements are in. Which root makes which kind follows feedparser.
/// </summary>
public sealed class FeedDocument
{
    private FeedDocument(FeedKind kind, XElement root, XElement? channel, IReadOnlyList<XElement> items, IReadOnlySet<string> core)
    {
        Kind = kind;
        Root = root;
        Channel = channel;
        Items = items;
        Core = core;
    }

    public FeedKind Kind { get; }

    public XElement Root { get; }

    /// <summary>The channel (RSS, RDF) or the feed element (Atom); null for an RDF document without one.</summary>
    public XElement? Channel { get; }

    /// <summary>The items (RSS, RDF) or entries (Atom) in document order.</summary>
    public IReadOnlyList<XElement> Items { get; }

    /// <summary>The (normalized) namespaces of the format's own elements: none, the root's, and the format's known ones.</summary>
    public IReadOnlySet<string> Core { get; }

    public bool IsAtom => Kind is FeedKind.Atom10 or FeedKind.Atom03;

    /// <summary>The feed in <paramref name="root"/>, or null when the root is not a feed's (the reason in <paramref name="notAFeed"/>).</summary>
    public static FeedDocument? Of(XElement root, out string? notAFeed)
    {
        notAFeed = null;
        var name = root.Name.LocalName.ToLowerInvariant();
        var ns = FeedNamespaces.Normalize(root.Name.NamespaceName);
        switch (name)
        {
            case "rss" or "channel":
            {
                var core = FeedNamespaces.Set([.. FeedNamespaces.RssDefaults, root.Name.NamespaceName]);
                var channel = name == "channel" ? root : root.Elements().FirstOrDefault(e => FeedNamespaces.Is(e.Name, "channel", core));
                // items belong in the channel; some feeds put them beside it
                var items = (channel?.Elements() ?? []).Concat(name == "rss" ? root.Elements() : [])
                    .Where(e => FeedNamespaces.Is(e.Name, "item", core)).ToList();
                return new FeedDocument(FeedKind.Rss, root, channel, items, core);
            }
            case "rdf":
            {
                var core = FeedNamespaces.Set([.. FeedNamespaces.RssDefaults, .. root.Elements().Select(e => e.Name.NamespaceName).Where(u => u != FeedNamespaces.Rdf).Take(1)]);
                var channel = root.Elements().FirstOrDefault(e => FeedNamespaces.Is(e.Name, "channel", core));
                var items = root.Elements().Concat(channel?.Elements() ?? []).Where(e => FeedNamespaces.Is(e.Name, "item", core)).ToList();
                return new FeedDocument(FeedKind.Rdf, root, channel, items, core);
            }
            case "feed" when ns.Length == 0 || ns == FeedNamespaces.Normalize(FeedNamespaces.Atom10) || ns == FeedNamespaces.Normalize(FeedNamespaces.Atom03):
            {
                var kind = ns == FeedNamespaces.Normalize(FeedNamespaces.Atom03) ? FeedKind.Atom03 : FeedKind.Atom10;
                var core = FeedNamespaces.Set("", root.Name.NamespaceName);
                var items = root.Elements().Where(e => FeedNamespaces.Is(e.Name, "entry", core)).ToList();
                return new FeedDocument(kind, root, root, items, core);
            }
            default:
                notAFeed = $"not an RSS, RDF or Atom feed: the root element is <{RecordFields.Truncate(root.Name.LocalName, 40)}>";
                return null;
        }
    }

    /// <summary>The first child of <paramref name="parent"/> with the format's own <paramref name="localName"/>.</summary>
    public XElement? Child(XElement? parent, string localName) => parent?.Elements().FirstOrDefault(e => FeedNamespaces.Is(e.Name, localName, Core));

    /// <summary>The children of <paramref name="parent"/> with the format's own <paramref name="localName"/>.</summary>
    public IEnumerable<XElement> Children(XElement? parent, string localName) =>
        parent?.Elements().Where(e => FeedNamespaces.Is(e.Name, localName, Core)) ?? [];

    /// <summary>The first child of <paramref name="parent"/> named <paramref name="localName"/> in namespace <paramref name="ns"/>.</summary>
    public static XElement? Child(XElement? parent, string ns, string localName) =>
        parent?.Elements().FirstOrDefault(e => FeedNamespaces.Is(e.Name, localName, ns));

    /// <summary>The children of <paramref name="parent"/> named <paramref name="localName"/> in namespace <paramref name="ns"/>.</summary>
    public static IEnumerable<XElement> Children(XElement? parent, string ns, string localName) =>
        parent?.Elements().Where(e => FeedNamespaces.Is(e.Name, localName, ns)) ?? [];
}
