using System.Text;
using ClassifyPipeline.Ingest;
using ClassifyPipeline.Tests.Support;

namespace ClassifyPipeline.Tests.Ingest;

/// <summary>
/// Random damage to every corpus feed (cuts, deletions, stray markup, entities, control bytes), read by the feed
/// reader without its guard: it must never throw, whatever the bytes, and every outcome must say where and why.
/// </summary>
public sealed class FeedFuzzTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "tests", "ClassifyPipeline.Tests", "Data", "feeds");

    private static readonly string[] Debris =
    [
        "<", ">", "&", "\"", "'", "]]>", "<![CDATA[", "</item>", "<item>", "<entry>", "</channel>", "<!--", "-->", "&#0;", "&#xD800;",
        "&nbsp;", "&unknown;", "\0", "\u0001", "\uFFFE", "xmlns:dc=\"x\"", "<dc:date>", "<pubDate>31 Feb 2026</pubDate>", "<!DOCTYPE x [<!ENTITY e \"&e;\">]>",
        "xml:base=\"::\"", "<link>http://[::1</link>", "<description>", "</description>", "<?xml version=\"1.0\"?>", "\uD800",
    ];

    [Fact]
    public async Task Read_RandomlyDamagedFeeds_NeverThrowAndEveryOutcomeIsExplained()
    {
        var random = new Random(13);
        var reader = new FeedReader();
        var files = Directory.GetFiles(Folder).Where(f => new FileInfo(f).Length < 20_000).Order(StringComparer.Ordinal).ToList();
        var read = 0;
        var work = Task.Run(() =>
        {
            foreach (var file in files)
            {
                var original = File.ReadAllBytes(file);
                for (var round = 0; round < 25; round++)
                {
                    var damaged = Damage(original, random);
                    List<ReadItem> items;
                    try
                    {
                        items = reader.Read(file, damaged, CancellationToken.None).ToList();
                    }
                    catch (Exception e)
                    {
                        throw new InvalidOperationException($"{Path.GetFileName(file)} round {round} threw; input: {Convert.ToBase64String(damaged)}", e);
                    }
                    Assert.NotEmpty(items);
                    Assert.All(items, i => Assert.True(i.Article is { Body.Length: > 0 } || i.Rejection is { Reason.Length: > 0 }));
                    read++;
                }
            }
        });
        Assert.True(await Task.WhenAny(work, Task.Delay(TimeSpan.FromMinutes(2))) == work, $"only {read} damaged feeds read in 2 minutes");
        await work;
        Assert.Equal(files.Count * 25, read);
    }

    private static byte[] Damage(byte[] original, Random random)
    {
        var bytes = original.ToList();
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var at = random.Next(bytes.Count + 1);
            switch (random.Next(4))
            {
                case 0:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 1:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 40), bytes.Count - at));
                    break;
                case 2:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Debris[random.Next(Debris.Length)]));
                    break;
                default:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
            }
        }
        return bytes.ToArray();
    }
}
