namespace ClassifyPipeline.Dedup;

/// <summary>A stretch of one posting list still to walk, with the probe's weight for its term.</summary>
internal struct PostingRun
{
    public long Next;
    public long End;
    public float Weight;

    /// <summary>The postings in [<paramref name="lo"/>, <paramref name="hi"/>) of documents in [<paramref name="from"/>, <paramref name="to"/>) (postings in document order).</summary>
    public static PostingRun Within(int[] doc, long lo, long hi, int from, int to, float weight)
    {
        var first = FirstAtOrAfter(doc, lo, hi, from);
        return new PostingRun { Next = first, End = FirstAtOrAfter(doc, first, hi, to), Weight = weight };
    }

    /// <summary>The first posting in [lo, hi) whose document is at least <paramref name="target"/>.</summary>
    public static long FirstAtOrAfter(int[] doc, long lo, long hi, int target)
    {
        if (hi == lo || doc[lo] >= target)
            return lo;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (doc[mid] < target)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }
}
