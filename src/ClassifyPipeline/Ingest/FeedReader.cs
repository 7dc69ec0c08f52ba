using System.ServiceModel.Syndication;
using System.Text.RegularExpressions;
using System.Xml;
using ClassifyPipeline.Articles;

namespace ClassifyPipeline.Ingest;

/// <summary>
/// RSS 2.0 and Atom 1.0 feeds (<c>.rss</c>, <c>.atom</c>, <c>.xml</c>), one article per item, parsed with
/// System.ServiceModel.Syndication over a hardened <see cref="XmlReader"/>: DTDs are skipped unread, so no
/// entity is ever expanded and nothing outside the file is opened or fetched.
/// <para>
/// Item mapping: id = guid / Atom id (else the link, else a content hash), url = the first http(s) link,
/// title and text (content:encoded or Atom content, else description / summary) with markup stripped and
/// entities decoded, published = pubDate / Atom published (else updated, else dc:date), source = the channel title.
/// </para>
/// <para>
/// Robustness: an unreadable date keeps its item without a published time and adds a note to the rejections
/// (Syndication alone would fail the whole feed). A feed that is not well-formed is read again item by item,
/// each item parsed on its own behind the feed's header, so one broken or truncated item costs only itself.
/// </para>
/// </summary>
public sealed partial class FeedReader : IByteArticleReader
{
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";
    private const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";
    private const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";

    /// <summary>Unreadable dates are stood in for by instants in year 2 (no feed has them): the offset in ticks indexes the bad text.</summary>
    private static readonly DateTimeOffset BadDateBase = new(2, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    private readonly int _maxItemChars;
    private readonly MarkupText _markup = new();

    public FeedReader(int maxItemChars = 2_000_000) => _maxItemChars = maxItemChars;

    public bool CanRead(string path) =>
        path.EndsWith(".rss", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".atom", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ReadItem> Read(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        var decoded = XmlTextDecoder.Decode(bytes);
        return decoded.Text is null ? [ReadItem.Rejected(path, null, decoded.Error!)] : Read(path, decoded.Text, cancellationToken);
    }

    public IEnumerable<ReadItem> Read(string path, string content, CancellationToken cancellationToken)
    {
        var results = new List<ReadItem>();
        ParsedFeed parsed;
        try
        {
            parsed = Parse(content);
        }
        catch (XmlException e)
        {
            Recover(path, content, e, results, cancellationToken);
            return results;
        }
        if (parsed.NotAFeed is { } reason)
            return [ReadItem.Rejected(path, null, reason)];
        var source = SourceOf(parsed.Feed!, path);
        var number = 0;
        foreach (var item in parsed.Feed!.Items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            MapItem(path, $"item {++number}", item, source, parsed.BadDates, results);
        }
        if (number == 0)
            results.Add(ReadItem.Rejected(path, null, "the feed has no items"));
        return results;
    }

    /// <summary>Reads a feed that is not well-formed one item at a time; every item that parses on its own is kept.</summary>
    private void Recover(string path, string content, XmlException error, List<ReadItem> results, CancellationToken cancellationToken)
    {
        var problem = $"the feed is not well-formed XML (line {error.LineNumber}, position {error.LinePosition}: {Describe(error)})";
        var root = RootElement().Match(content);
        if (!root.Success)
        {
            results.Add(ReadItem.Rejected(path, null, problem + "; no <rss> or Atom <feed> element to recover items from"));
            return;
        }
        var atom = root.Groups[1].Value == "feed";
        var chunks = FeedItemChunks.Find(content, atom ? "entry" : "item");
        if (chunks.Count == 0)
        {
            results.Add(ReadItem.Rejected(path, null, problem + "; no items found"));
            return;
        }
        var prefix = content[..chunks[0].Start];
        var closing = atom ? "</feed>" : "</channel></rss>";
        var prefixLines = CountLines(prefix, 0, prefix.Length) - 1;
        var recovered = 0;
        var (line, lineCountedTo) = (1, 0);
        for (var i = 0; i < chunks.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = chunks[i];
            line += CountLines(content, lineCountedTo, chunk.Start) - 1;
            lineCountedTo = chunk.Start;
            var location = $"item {i + 1} (line {line})";
            if (chunk.Length > _maxItemChars)
            {
                results.Add(ReadItem.Rejected(path, location, $"item of {chunk.Length:N0} characters is over ingest.maxItemChars ({_maxItemChars:N0})"));
                continue;
            }
            try
            {
                var parsed = Parse(prefix + content.Substring(chunk.Start, chunk.Length) + closing);
                if (parsed.NotAFeed is { } reason || parsed.Feed!.Items.Count() != 1)
                {
                    results.Add(ReadItem.Rejected(path, location, parsed.NotAFeed ?? "the item could not be read on its own"));
                    continue;
                }
                var before = results.Count;
                MapItem(path, location, parsed.Feed.Items.First(), SourceOf(parsed.Feed, path), parsed.BadDates, results);
                if (results.Skip(before).Any(r => r.Article is not null))
                    recovered++;
            }
            catch (XmlException e)
            {
                var at = e.LineNumber > 0 ? $" at line {e.LineNumber - prefixLines - 1 + line}" : "";
                var truncated = chunk.Complete ? "" : " (no end tag: truncated or unclosed)";
                results.Add(ReadItem.Rejected(path, location, $"malformed item{truncated}{at}: {Describe(e)}"));
            }
        }
        results.Add(ReadItem.Rejected(path, $"line {error.LineNumber}", $"{problem}; read item by item: {recovered} of {chunks.Count} item(s) recovered"));
    }

    private void MapItem(string path, string location, SyndicationItem item, string source, IReadOnlyList<string> badDates, List<ReadItem> results)
    {
        var rawBody = ContentEncoded(item) ?? (item.Content as TextSyndicationContent)?.Text ?? item.Summary?.Text;
        var rawTitle = item.Title?.Text;
        var size = (rawBody?.Length ?? 0) + (rawTitle?.Length ?? 0);
        if (size > _maxItemChars)
        {
            results.Add(ReadItem.Rejected(path, location, $"item of {size:N0} characters is over ingest.maxItemChars ({_maxItemChars:N0})"));
            return;
        }
        var body = _markup.ToText(rawBody);
        var title = NullIfEmpty(_markup.ToLine(rawTitle));
        if (body.Length == 0)
        {
            results.Add(ReadItem.Rejected(path, location, "no article text: the item has no content, description or summary"));
            return;
        }

        var published = Published(item, out var badDate, badDates);
        if (badDate is not null)
            results.Add(ReadItem.Rejected(path, location, $"unreadable date '{RecordFields.Truncate(badDate)}': the item is kept without a published time"));

        var url = Url(item);
        var id = NullIfEmpty(item.Id?.Trim()) ?? url ?? ArticleIds.FromContent(title, body);
        results.Add(ReadItem.Of(new Article(id, source, url, title, body, published) { Input = new(path, location) }));
    }

    private static DateTimeOffset? Published(SyndicationItem item, out string? badDate, IReadOnlyList<string> badDates)
    {
        badDate = null;
        DateTimeOffset value;
        if (item.PublishDate != default)
            value = item.PublishDate;
        else if (item.LastUpdatedTime != default)
            value = item.LastUpdatedTime;
        else
        {
            var dc = Extension(item, "date", DublinCoreNamespace);
            if (dc is null)
                return null;
            if (FeedDates.TryParse(dc, out var parsed))
                return parsed;
            badDate = dc;
            return null;
        }
        if (value.Year == BadDateBase.Year)
        {
            badDate = badDates[(int)(value - BadDateBase).Ticks];
            return null;
        }
        return value;
    }

    private static string? Url(SyndicationItem item)
    {
        foreach (var link in item.Links)
        {
            if (link.RelationshipType is null or "alternate" && link.Uri is { IsAbsoluteUri: true } uri && IsHttp(uri))
                return uri.OriginalString.Trim();
        }
        return Uri.TryCreate(item.Id?.Trim(), UriKind.Absolute, out var idUri) && IsHttp(idUri) ? idUri.OriginalString : null;
    }

    private static bool IsHttp(Uri uri) => uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps;

    private static string? ContentEncoded(SyndicationItem item) => Extension(item, "encoded", ContentNamespace);

    private static string? Extension(SyndicationItem item, string name, string ns)
    {
        foreach (var extension in item.ElementExtensions)
        {
            if (extension.OuterName == name && extension.OuterNamespace == ns)
            {
                using var reader = extension.GetReader();
                return reader.ReadElementContentAsString();
            }
        }
        return null;
    }

    private string SourceOf(SyndicationFeed feed, string path) =>
        NullIfEmpty(_markup.ToLine(feed.Title?.Text)) ?? Path.GetFileNameWithoutExtension(path);

    /// <summary>Parses a whole feed. Throws <see cref="XmlException"/> when the XML is not well-formed.</summary>
    private static ParsedFeed Parse(string xml)
    {
        var badDates = new List<string>();
        TryParseDateTimeCallback dates = (XmlDateTimeData data, out DateTimeOffset value) =>
        {
            if (FeedDates.TryParse(data.DateTimeString, out value))
                return true;
            value = BadDateBase.AddTicks(badDates.Count);
            badDates.Add(data.DateTimeString);
            return true;
        };
        TryParseUriCallback uris = (XmlUriData data, out Uri? uri) =>
        {
            if (!Uri.TryCreate(data.UriString?.Trim(), UriKind.RelativeOrAbsolute, out uri))
                uri = new Uri("about:invalid");
            return true;
        };

        using var reader = XmlReader.Create(new StringReader(xml), Settings);
        reader.MoveToContent();
        SyndicationFeedFormatter formatter = reader.LocalName == "feed" && reader.NamespaceURI == AtomNamespace
            ? new Atom10FeedFormatter()
            : new Rss20FeedFormatter();
        if (!formatter.CanRead(reader))
            return new ParsedFeed(null, badDates, $"not an RSS 2.0 or Atom 1.0 feed: the root element is <{RecordFields.Truncate(reader.Name, 40)}>");
        formatter.DateTimeParser = dates;
        formatter.UriParser = uris;
        formatter.ReadFrom(reader);
        return new ParsedFeed(formatter.Feed, badDates, null);
    }

    /// <summary>The innermost XML error's message without the position (the caller says where).</summary>
    private static string Describe(Exception e)
    {
        var inner = e;
        while (inner.InnerException is XmlException deeper)
            inner = deeper;
        return Position().Replace(inner.Message, "").Trim();
    }

    /// <summary>1 + the number of line breaks in text[start..end].</summary>
    private static int CountLines(string text, int start, int end) => 1 + text.AsSpan(start, end - start).Count('\n');

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    [GeneratedRegex("""\s*Line \d+, position \d+\.?""")]
    private static partial Regex Position();

    [GeneratedRegex("""<(rss|feed)[\s>]""")]
    private static partial Regex RootElement();

    private sealed record ParsedFeed(SyndicationFeed? Feed, IReadOnlyList<string> BadDates, string? NotAFeed);
}
