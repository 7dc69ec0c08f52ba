using System.Globalization;
using ClassifyPipeline.IO;

namespace ClassifyPipeline.Tools.Corpus;

/// <summary>
/// Writes a generated corpus as input JSON Lines with its gold labels (<c>id,story,duplicateOf</c>; duplicateOf
/// empty for an original). One file: <c>--out FILE.jsonl</c>, labels in <c>FILE.gold.csv</c>. Several files:
/// <c>--out DIR</c> holds <c>part-00.jsonl</c>, <c>part-01.jsonl</c>, … with consecutive runs of articles (in time
/// order, sizes differing by at most one), and the labels of all of them go beside the folder, in
/// <c>DIR.gold.csv</c>, so that <c>classify run DIR</c> reads articles only. Every file is written atomically;
/// the articles are streamed, so memory does not grow with the corpus.
/// </summary>
public static class CorpusWriter
{
    public static CorpusFiles Write(IEnumerable<GeneratedArticle> articles, int count, string output, int files)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(files, 1);
        if (files > count)
            throw new ArgumentException($"{files} files for {count} articles: every file needs an article");
        string goldPath;
        List<string> parts;
        if (files == 1)
        {
            goldPath = Path.ChangeExtension(output, null) + ".gold.csv";
            parts = [output];
        }
        else
        {
            var folder = Path.TrimEndingDirectorySeparator(output);
            goldPath = folder + ".gold.csv";
            PrepareFolder(folder);
            var digits = Math.Max(2, (files - 1).ToString(CultureInfo.InvariantCulture).Length);
            parts = Enumerable.Range(0, files).Select(i => Path.Combine(folder, $"part-{i.ToString("D" + digits, CultureInfo.InvariantCulture)}.jsonl")).ToList();
        }

        using var items = articles.GetEnumerator();
        AtomicFile.WriteText(goldPath, gold =>
        {
            gold.WriteLine("id,story,duplicateOf");
            for (var part = 0; part < files; part++)
            {
                var size = (int)((long)count * (part + 1) / files - (long)count * part / files);
                AtomicFile.Write(parts[part], s => ArticleJsonl.Write(s, Take(items, size).Select(g =>
                {
                    gold.WriteLine($"{g.Article.Id},{g.Story},{g.DuplicateOf}");
                    return g.Article;
                })));
            }
        });
        return new CorpusFiles(parts, goldPath);
    }

    private static IEnumerable<GeneratedArticle> Take(IEnumerator<GeneratedArticle> items, int size)
    {
        for (var i = 0; i < size; i++)
        {
            if (!items.MoveNext())
                throw new InvalidOperationException($"the generator ended early, {size - i} articles short");
            yield return items.Current;
        }
    }

    // A folder of earlier parts is written again; any other content is the user's, and is left alone.
    private static void PrepareFolder(string folder)
    {
        if (File.Exists(folder))
            throw new IOException($"'{folder}' is a file; with more than one output file, --out names a folder");
        if (Directory.Exists(folder))
        {
            var entries = Directory.GetFileSystemEntries(folder);
            var foreign = entries.Where(e => !(File.Exists(e) && Path.GetFileName(e).StartsWith("part-", StringComparison.Ordinal) && e.EndsWith(".jsonl", StringComparison.Ordinal))).ToList();
            if (foreign.Count > 0)
                throw new IOException($"output folder '{folder}' holds other files than generated parts (e.g. '{Path.GetFileName(foreign[0])}'): give a new or empty folder");
            foreach (var old in entries)
                File.Delete(old);
        }
        Directory.CreateDirectory(folder);
    }
}
