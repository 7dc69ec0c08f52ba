namespace ClassifyPipeline.Cluster.Model;

/// <summary>
/// How a corpus is spread over grains, fixed when it is created: documents by time slice (each at least the dedup
/// window long, so a dated probe reaches at most the slices beside its own) and, within a slice, by a hash of the id
/// into <see cref="Parts"/> grains, so one slice's work spreads over silos; the id and story indexes by hash into
/// <see cref="Buckets"/> grains.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CorpusLayout(long SliceTicks, int Parts, int Buckets)
{
    public long SliceOf(long windowTicks) => windowTicks / SliceTicks;

    public long SliceOf(DateTimeOffset windowTime) => SliceOf(windowTime.UtcTicks);

    public int PartOf(string id) => (int)(StableHash(id) % (uint)Parts);

    public int BucketOf(string key) => (int)((StableHash(key) >> 7) % (uint)Buckets);

    /// <summary>FNV-1a over the UTF-16 code units: the same on every machine and every run (unlike <see cref="string.GetHashCode()"/>).</summary>
    public static uint StableHash(string text)
    {
        var h = 2166136261u;
        foreach (var c in text)
        {
            h = (h ^ (uint)(c & 0xFF)) * 16777619u;
            h = (h ^ (uint)(c >> 8)) * 16777619u;
        }
        return h;
    }

    public override string ToString() =>
        $"slices of {TimeSpan.FromTicks(SliceTicks).TotalDays:0.###} days, {Parts} parts per slice, {Buckets} index buckets";
}
