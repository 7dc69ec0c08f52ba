using System.Xml;
using ClassifyPipeline.Metadata;

namespace ClassifyPipeline.Ingest;

/// <summary>
/// Feeds (<c>.rss</c>, <c>.atom</c>, <c>.rdf</c>, <c>.xml</c>), one article per item, read as feedparser reads them: RSS with any
/// version or none (0.90 to 2.0), RSS 1.0 (RDF), Atom 0.3 and Atom 1.0, namespaces by URI whatever their prefixes.
/// Our own forgiving reader over a hardened <see cref="XmlReader"/> (<see cref="FeedXml"/>) rather than
/// System.ServiceModel.Syndication, whose formatters refuse an <c>&lt;rss&gt;</c> without a version, read neither RDF
/// nor Atom 0.3, and fail a whole feed on one bad date.
/// <para>
/// The text is decoded by <see cref="XmlTextDecoder"/>, repaired (<see cref="FeedXmlRepair"/>: DOCTYPE blanked,
/// HTML entities, bare ampersands, forbidden characters, undeclared prefixes), parsed with no DTD and no resolver;
/// each item is mapped by <see cref="FeedItemMapper"/> inside <see cref="ReaderGuard.Item"/>. A feed that is still
/// not well-formed is read again item by item (<see cref="FeedRecovery"/>). An unreadable date, or one after the run's day or
/// before 1900 (<see cref="DatePlausibility"/>), keeps its item and adds a note to the rejections; an item over <c>ingest.maxItemChars</c> is rejected alone.
/// </para>
/// </summary>
public sealed class FeedReader : IByteArticleReader
{
    private readonly int _maxItemChars;
    private readonly TimeProvider _time;

    public FeedReader(int maxItemChars = 2_000_000, TimeProvider? time = null)
    {
        _maxItemChars = maxItemChars;
        _time = time ?? TimeProvider.System;
    }

    public bool CanRead(string path) =>
        path.EndsWith(".rss", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".atom", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".rdf", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ReadItem> Read(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        var decoded = XmlTextDecoder.Decode(bytes);
        return decoded.Text is null ? [ReadItem.Rejected(path, null, decoded.Error!)] : Read(path, decoded.Text, cancellationToken);
    }

    public IEnumerable<ReadItem> Read(string path, string content, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(content))
            return [ReadItem.Rejected(path, null, "empty file: no feed")];
        var text = FeedXmlRepair.Repair(content, out var repairNote);
        var results = new List<ReadItem>();
        if (repairNote is not null)
            results.Add(ReadItem.Rejected(path, null, repairNote));
        FeedDocument? feed;
        string? notAFeed;
        try
        {
            feed = FeedDocument.Of(FeedXml.Load(text), out notAFeed);
        }
        catch (XmlException e)
        {
            Recover(path, text, e, results, cancellationToken);
            return results;
        }
        if (feed is null)
        {
            results.Add(ReadItem.Rejected(path, null, notAFeed!));
            return results;
        }
        var mapper = new FeedItemMapper(feed, _maxItemChars, DatePlausibility.At(_time));
        for (var i = 0; i < feed.Items.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Map(mapper, feed.Items[i], path, $"item {i + 1}", results, cancellationToken);
        }
        if (feed.Items.Count == 0)
            results.Add(ReadItem.Rejected(path, null, "the feed has no items"));
        return results;
    }

    private static void Map(FeedItemMapper mapper, System.Xml.Linq.XElement item, string path, string location, List<ReadItem> results, CancellationToken cancellationToken)
    {
        string? note = null;
        results.Add(ReaderGuard.Item(path, location, () =>
        {
            var (read, n) = mapper.Map(item, path, location);
            note = n;
            return read;
        }, cancellationToken));
        if (note is not null)
            results.Add(ReadItem.Rejected(path, location, note));
    }

    private void Recover(string path, string text, XmlException error, List<ReadItem> results, CancellationToken cancellationToken)
    {
        var problem = $"the feed is not well-formed XML (line {error.LineNumber}, position {error.LinePosition}: {FeedRecovery.Describe(error)})";
        var (items, none) = FeedRecovery.Read(text, _maxItemChars, cancellationToken);
        if (none is not null)
        {
            results.Add(ReadItem.Rejected(path, null, $"{problem}; {none}"));
            return;
        }
        var recovered = 0;
        foreach (var item in items)
        {
            if (item.Feed is null)
            {
                results.Add(ReadItem.Rejected(path, item.Location, item.Problem!));
                continue;
            }
            var before = results.Count;
            Map(new FeedItemMapper(item.Feed, _maxItemChars, DatePlausibility.At(_time)), item.Feed.Items[0], path, item.Location, results, cancellationToken);
            if (results[before].Article is not null)
                recovered++;
        }
        results.Add(ReadItem.Rejected(path, $"line {error.LineNumber}", $"{problem}; read item by item: {recovered} of {items.Count} item(s) recovered"));
    }
}
