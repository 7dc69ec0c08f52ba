namespace ClassifyPipeline.Classification.Stance;

/// <summary>
/// Trains a <see cref="StanceModel"/>: IDF from the training headlines and bodies, then a related-vs-unrelated
/// classifier on every pair and agree/disagree/discuss classifiers (one-vs-rest or one multiclass) on the related pairs,
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

        // Independent single-threaded trainings (each deterministic), run side by side: related vs unrelated,
        // then either one multiclass or three one-vs-rest classifiers on the related pairs.
        var relatedIndex = Enumerable.Range(0, pairs.Count).Where(i => stances[i] != StanceLabels.Unrelated).ToArray();
        var relatedFeatures = relatedIndex.Select(i => features[i]).ToArray();
        var weights = relatedIndex.Select(i => (float)ClassWeight(stances[i])).ToArray();
        var multiclass = options.Stage2 == StanceStage2.Multiclass;
        var models = new byte[multiclass ? 2 : 4][];
        Parallel.For(0, models.Length, new ParallelOptions { CancellationToken = cancellationToken }, m =>
        {
            if (m == 0)
            {
                var isRelated = stances.Select(s => s != StanceLabels.Unrelated).ToArray();
                models[0] = StanceTrees.Train(features, isRelated, Enumerable.Repeat(1f, pairs.Count).ToArray(), options);
                return;
            }
            if (multiclass)
            {
                models[1] = StanceTrees.TrainMulticlass(relatedFeatures, relatedIndex.Select(i => stances[i]).ToArray(), weights, 3, options);
                return;
            }
            var target = m - 1;
            models[m] = StanceTrees.Train(relatedFeatures, relatedIndex.Select(i => stances[i] == target).ToArray(), weights, options);
        });
        cancellationToken.ThrowIfCancellationRequested();
        return new StanceModel(vocabulary, options.Stage2, models, options.RelatedThreshold, options.DisagreeBoost);
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
