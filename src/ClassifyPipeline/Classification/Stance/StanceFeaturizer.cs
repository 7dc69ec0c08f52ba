namespace ClassifyPipeline.Classification.Stance;

/// <summary>Turns pairs into feature rows, analyzing each distinct headline and body once (bodies repeat across many pairs).</summary>
internal static class StanceFeaturizer
{
    public static (StanceDocument[] Headlines, StanceDocument[] Bodies) Analyze(IReadOnlyList<StancePair> pairs, CancellationToken cancellationToken)
    {
        var distinct = new Dictionary<string, int>(StringComparer.Ordinal);
        var texts = new List<string>();
        var headlineIndex = new int[pairs.Count];
        var bodyIndex = new int[pairs.Count];
        for (var i = 0; i < pairs.Count; i++)
        {
            headlineIndex[i] = IndexOf(pairs[i].Headline);
            bodyIndex[i] = IndexOf(pairs[i].Body);
        }
        var documents = new StanceDocument[texts.Count];
        Parallel.For(0, texts.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => documents[i] = StanceDocument.Create(texts[i]));
        var headlines = new StanceDocument[pairs.Count];
        var bodies = new StanceDocument[pairs.Count];
        for (var i = 0; i < pairs.Count; i++)
        {
            headlines[i] = documents[headlineIndex[i]];
            bodies[i] = documents[bodyIndex[i]];
        }
        return (headlines, bodies);

        int IndexOf(string text)
        {
            if (!distinct.TryGetValue(text, out var index))
            {
                index = texts.Count;
                distinct[text] = index;
                texts.Add(text);
            }
            return index;
        }
    }

    public static float[][] Features(StanceVocabulary vocabulary, StanceDocument[] headlines, StanceDocument[] bodies, CancellationToken cancellationToken)
    {
        var distinct = bodies.Distinct().ToArray();
        var prepared = new StancePreparedBody[distinct.Length];
        Parallel.For(0, distinct.Length, new ParallelOptions { CancellationToken = cancellationToken }, i => prepared[i] = new StancePreparedBody(vocabulary, distinct[i]));
        var byDocument = new Dictionary<StanceDocument, StancePreparedBody>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < distinct.Length; i++)
            byDocument[distinct[i]] = prepared[i];
        var rows = new float[headlines.Length][];
        Parallel.For(0, rows.Length, new ParallelOptions { CancellationToken = cancellationToken }, i => rows[i] = StanceFeatures.Compute(vocabulary, headlines[i], byDocument[bodies[i]]));
        return rows;
    }
}
