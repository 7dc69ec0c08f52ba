namespace ClassifyPipeline.Classification.Stance;

/// <summary>One row of an FNC-1 stances file: a headline, the body it is paired with, and the gold stance when the file has one.</summary>
/// <param name="Line">The line the row starts on in its file (1-based; the header is line 1).</param>
/// <param name="Stance">The stance index (<see cref="StanceLabels"/>), or null when the file has no Stance column.</param>
public sealed record Fnc1Pair(string Headline, int BodyId, int? Stance, int Line);

/// <summary>FNC-1 stance rows in file order and the bodies they refer to (every Body ID has a body).</summary>
public sealed class Fnc1Dataset(IReadOnlyList<Fnc1Pair> pairs, IReadOnlyDictionary<int, string> bodies, bool hasStances)
{
    public IReadOnlyList<Fnc1Pair> Pairs { get; } = pairs;

    public IReadOnlyDictionary<int, string> Bodies { get; } = bodies;

    /// <summary>True when the stances file carried a Stance column (gold labels).</summary>
    public bool HasStances { get; } = hasStances;

    /// <summary>The pairs whose body id is (or, with <paramref name="keep"/> false, is not) in <paramref name="bodyIds"/>; order kept.</summary>
    public Fnc1Dataset Where(IReadOnlySet<int> bodyIds, bool keep = true) =>
        new(Pairs.Where(p => bodyIds.Contains(p.BodyId) == keep).ToList(), Bodies, HasStances);

    public IReadOnlyList<StancePair> ToStancePairs() => Pairs.Select(p => new StancePair(p.Headline, Bodies[p.BodyId])).ToList();
}
