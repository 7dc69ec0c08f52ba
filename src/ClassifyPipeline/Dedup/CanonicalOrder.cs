namespace ClassifyPipeline.Dedup;

/// <summary>
/// The order stories are built in, so results do not depend on input order: published time (undated last), then id
/// (ordinal). The earlier of two matching articles is the original, a story's lead is its earliest member.
/// </summary>
public readonly record struct CanonicalKey(DateTimeOffset? Published, string Id) : IComparable<CanonicalKey>
{
    public int CompareTo(CanonicalKey other)
    {
        var c = (Published ?? DateTimeOffset.MaxValue).CompareTo(other.Published ?? DateTimeOffset.MaxValue);
        return c != 0 ? c : string.CompareOrdinal(Id, other.Id);
    }
}
