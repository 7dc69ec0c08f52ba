using ClassifyPipeline.Text;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Classification.Topic;

/// <summary>
/// What of an article the sentence encoder reads (<see cref="TopicEmbeddings"/>): the title and the start of the body
/// (<see cref="Lead"/>), or the whole body in windows whose embeddings are averaged (<see cref="Chunks"/>).
/// </summary>
public enum TopicEmbeddingText
{
    Lead,
    Chunks,
}

/// <summary>
/// The texts the encoder reads for an article and how their embeddings become the article's one vector. MiniLM cuts
/// at 256 word pieces, so <see cref="TopicEmbeddingText.Lead"/> sees the title and about the first 200 words only;
/// <see cref="TopicEmbeddingText.Chunks"/> splits the body's words into the fewest equal windows of at most
/// <see cref="ChunkWords"/> words (the title before the first), embeds each, and takes the renormalized mean.
/// </summary>
public static class TopicEmbeddingTexts
{
    /// <summary>
    /// The most words in one window: about 1.3 word pieces a word keeps a window (and the first one's title) under
    /// the encoder's 256 word pieces, so no word is cut.
    /// </summary>
    public const int ChunkWords = 160;

    /// <summary>The name the CLI and the model settings use for a value.</summary>
    public static string Name(TopicEmbeddingText text) => text switch
    {
        TopicEmbeddingText.Lead => "lead",
        TopicEmbeddingText.Chunks => "chunks",
        _ => throw new ArgumentOutOfRangeException(nameof(text), text, "unknown embedding text"),
    };

    /// <summary>The encoder's input texts for one article (one for the lead; one per window for chunks).</summary>
    public static string[] Texts(CleanArticle article, TopicEmbeddingText text) => text switch
    {
        TopicEmbeddingText.Lead => [TopicFeatures.EmbeddingText(article)],
        TopicEmbeddingText.Chunks => Chunks(article.Title, article.Body),
        _ => throw new ArgumentOutOfRangeException(nameof(text), text, "unknown embedding text"),
    };

    /// <summary>
    /// The body's words in the fewest windows of at most <see cref="ChunkWords"/> words, sizes as equal as they can
    /// be (a 170-word body gives 85 + 85, not 160 + 10), words joined by single spaces; the title and a line break
    /// before the first. An empty body gives the title alone.
    /// </summary>
    public static string[] Chunks(string? title, string body)
    {
        var words = body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var hasTitle = !string.IsNullOrWhiteSpace(title);
        if (words.Length == 0)
            return [hasTitle ? title! : ""];
        var count = (words.Length + ChunkWords - 1) / ChunkWords;
        var chunks = new string[count];
        var start = 0;
        for (var c = 0; c < count; c++)
        {
            // the first (words % count) windows take one word more
            var size = words.Length / count + (c < words.Length % count ? 1 : 0);
            var window = string.Join(' ', words, start, size);
            chunks[c] = c == 0 && hasTitle ? title + "\n" + window : window;
            start += size;
        }
        return chunks;
    }

    /// <summary>
    /// One vector per article: the embedding of its only text, or the mean of its texts' embeddings scaled back to
    /// norm 1. All texts go to <paramref name="cache"/> in one call, so they are batched together.
    /// </summary>
    public static float[][] Embed(SentenceEmbeddings cache, IReadOnlyList<string[]> texts, CancellationToken cancellationToken = default)
    {
        var flat = texts.SelectMany(t => t).ToArray();
        var vectors = cache.Embed(flat, cancellationToken);
        var result = new float[texts.Count][];
        var next = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            var n = texts[i].Length;
            if (n == 1)
            {
                result[i] = vectors[next++];
                continue;
            }
            var mean = new double[cache.Embedder.Dimension];
            for (var k = 0; k < n; k++)
            {
                var v = vectors[next++];
                for (var j = 0; j < mean.Length; j++)
                    mean[j] += v[j];
            }
            var norm = Math.Sqrt(mean.Sum(x => x * x));
            result[i] = mean.Select(x => norm > 0 ? (float)(x / norm) : 0f).ToArray();
        }
        return result;
    }
}
