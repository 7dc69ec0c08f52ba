namespace ClassifyPipeline.Classification.Stance;

/// <summary>
/// Trains a <see cref="StanceModel"/>: IDF from the training headlines and bodies, then a related-vs-unrelated
/// classifier on every pair and agree/disagree/discuss one-vs-rest classifiers on the related pairs,
/// with the rarer classes weighted up (<see cref="StanceOptions.AgreeWeight"/>, <see cref="StanceOptions.DisagreeWeight"/>).
/// </summary>
public sealed class StanceEstimator(StanceOptions options)
{
    public StanceModel Fit(IReadOnlyList<StancePair> pairs, IReadOnlyList<int> stances, CancellationToken cancellationToken = default)
    {
        if (pairs.Count != stances.Count)
            throw new ArgumentException($"{pairs.Count} pairs but {stances.Count} stances");
        if (pairs.Count == 0)
            throw new ArgumentException("no training pairs");
        var related = stances.Count(s => s != StanceLabels.Unrelated);
        if (related == 0 || related == stances.Count)
            throw new ArgumentException("training needs both related and unrelated pairs");
        for (var c = StanceLabels.Agree; c <= StanceLabels.Discuss; c++)
            if (!stances.Contains(c))
                throw new ArgumentException($"training has no '{StanceLabels.Names[c]}' pair");

        var (headlines, bodies) = StanceFeaturizer.Analyze(pairs, cancellationToken);
        var vocabulary = StanceVocabulary.Fit(headlines.Distinct(), bodies.Distinct());
        var features = StanceFeaturizer.Features(vocabulary, headlines, bodies, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();

        // Four independent single-threaded trainings (each deterministic), run side by side.
        var relatedIndex = Enumerable.Range(0, pairs.Count).Where(i => stances[i] != StanceLabels.Unrelated).ToArray();
        var relatedFeatures = relatedIndex.Select(i => features[i]).ToArray();
        var weights = relatedIndex.Select(i => (float)ClassWeight(stances[i])).ToArray();
        var models = new byte[4][];
        Parallel.For(0, models.Length, new ParallelOptions { CancellationToken = cancellationToken }, m =>
        {
            if (m == 0)
            {
                var isRelated = stances.Select(s => s != StanceLabels.Unrelated).ToArray();
                models[0] = StanceTrees.Train(features, isRelated, Enumerable.Repeat(1f, pairs.Count).ToArray(), options);
                return;
            }
            var target = m - 1;
            models[m] = StanceTrees.Train(relatedFeatures, relatedIndex.Select(i => stances[i] == target).ToArray(), weights, options);
        });
        cancellationToken.ThrowIfCancellationRequested();
        return new StanceModel(vocabulary, models, options.RelatedThreshold, options.DisagreeBoost);
    }

    public StanceModel Fit(Fnc1Dataset data, CancellationToken cancellationToken = default)
    {
        if (!data.HasStances)
            throw new ArgumentException("training data has no Stance column");
        return Fit(data.ToStancePairs(), data.Pairs.Select(p => p.Stance!.Value).ToList(), cancellationToken);
    }

    private double ClassWeight(int stance) => stance switch
    {
        StanceLabels.Agree => options.AgreeWeight,
        StanceLabels.Disagree => options.DisagreeWeight,
        _ => 1.0,
    };
}
