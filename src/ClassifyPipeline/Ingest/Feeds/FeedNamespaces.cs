using System.Xml.Linq;

namespace ClassifyPipeline.Ingest;

/// <summary>
/// The namespaces feeds use, and how elements are matched in them. Matching is forgiving, as feedparser's is:
/// local names ignore case (<c>pubdate</c>, <c>pubDate</c>), and namespace URIs ignore case and a trailing
/// <c>/</c> or <c>#</c> (<c>http://purl.org/dc/elements/1.1</c>). The prefixes a feed chose do not matter.
/// </summary>
public static class FeedNamespaces
{
    public const string Atom10 = "http://www.w3.org/2005/Atom";
    public const string Atom03 = "http://purl.org/atom/ns#";
    public const string Rss10 = "http://purl.org/rss/1.0/";
    public const string Rss090 = "http://my.netscape.com/rdf/simple/0.9/";
    public const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string Dc = "http://purl.org/dc/elements/1.1/";
    public const string Dcterms = "http://purl.org/dc/terms/";
    public const string Content = "http://purl.org/rss/1.0/modules/content/";
    public const string Xhtml = "http://www.w3.org/1999/xhtml";

    /// <summary>Namespaces RSS 2.0 feeds were seen declaring as their default (feedparser's corpus has them).</summary>
    public static readonly IReadOnlyList<string> RssDefaults =
        ["", Rss10, Rss090, "http://backend.userland.com/rss2", "http://backend.userland.com/rss", "http://blogs.law.harvard.edu/tech/rss"];

    /// <summary>The namespace URI as compared: lower case, without a trailing '/' or '#'.</summary>
    public static string Normalize(string uri) => uri.TrimEnd('/', '#').ToLowerInvariant();

    /// <summary>True when <paramref name="name"/> is <paramref name="localName"/> in one of <paramref name="namespaces"/> (normalized).</summary>
    public static bool Is(XName name, string localName, IReadOnlySet<string> namespaces) =>
        name.LocalName.Equals(localName, StringComparison.OrdinalIgnoreCase) && namespaces.Contains(Normalize(name.NamespaceName));

    /// <summary>True when <paramref name="name"/> is <paramref name="localName"/> in namespace <paramref name="ns"/> (compared as <see cref="Normalize"/> does).</summary>
    public static bool Is(XName name, string localName, string ns) =>
        name.LocalName.Equals(localName, StringComparison.OrdinalIgnoreCase) && Same(name.NamespaceName, ns);

    private static bool Same(string a, string b) =>
        a.AsSpan().TrimEnd("/#").Equals(b.AsSpan().TrimEnd("/#"), StringComparison.OrdinalIgnoreCase);

    public static IReadOnlySet<string> Set(params IEnumerable<string> uris) => uris.Select(Normalize).ToHashSet(StringComparer.Ordinal);
}
