namespace ClassifyPipeline.Classification.Topic;

/// <summary>Deterministic fold assignment for cross-validation: the same count, folds and seed give the same folds.</summary>
public static class Folds
{
    /// <summary>Fold of each item (0..folds-1) after a seeded shuffle, sizes differing by at most one.</summary>
    public static int[] Shuffled(int count, int folds, int seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        var fold = new int[count];
        for (var r = 0; r < order.Length; r++)
            fold[order[r]] = r % folds;
        return fold;
    }

    /// <summary>Stratified: each class is shuffled (seeded) and dealt round-robin, continuing where the previous class stopped, so every fold gets its share of every class.</summary>
    public static int[] Stratified(IReadOnlyList<string> classes, int folds, int seed)
    {
        var random = new Random(seed);
        var fold = new int[classes.Count];
        var next = 0;
        foreach (var group in Enumerable.Range(0, classes.Count).GroupBy(i => classes[i], StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            foreach (var i in members)
                fold[i] = next++ % folds;
        }
        return fold;
    }
}
