using System.Diagnostics;
using System.Globalization;
using ClassifyPipeline.Dedup;

namespace ClassifyPipeline.Benchmarks;

/// <summary>
/// <c>join-profile CORPUS.jsonl [--max N] [--cache FILE] [--threshold T] [--threads K] [--sample S] [--full]</c>: where
/// the window join's time goes on a dense corpus, outside BenchmarkDotNet (one run is tens of seconds). Builds the
/// first span's index as <see cref="WindowJoin"/> does, then probes every S-th document on one thread, timing the
/// posting accumulation, the overlap scan and the verification separately (counts scaled by S); with
/// <c>--full</c> it also runs the whole join and prints its wall time, pair count and digest.
/// </summary>
internal static class JoinProfile
{
    public static void Run(string[] args)
    {
        string Option(string name, string fallback) => Array.IndexOf(args, name) is var at and >= 0 ? args[at + 1] : fallback;
        var c = CultureInfo.InvariantCulture;
        var max = int.Parse(Option("--max", int.MaxValue.ToString(c)), c);
        var threshold = double.Parse(Option("--threshold", "0.10"), c);
        var threads = int.Parse(Option("--threads", "-1"), c);
        var sample = int.Parse(Option("--sample", "20"), c);
        var cache = Option("--cache", "") is { Length: > 0 } file ? file : null;
        WindowJoin.SkipBudget = double.Parse(Option("--budget", WindowJoin.SkipBudget.ToString(c)), c);
        WindowJoin.FilterCandidates = !args.Contains("--no-filter");
        WindowJoin.SkippableTerms = int.Parse(Option("--skippable", WindowJoin.SkippableTerms.ToString(c)), c);
        var watch = Stopwatch.StartNew();
        var corpus = DatedCorpus.Load(args[1], max, cache);
        var n = corpus.Vectors.Length;
        Console.WriteLine(string.Create(c, $"{n} documents, {corpus.Dims} terms, {corpus.Vectors.Sum(v => (long)v.Count)} postings; loaded in {watch.Elapsed.TotalSeconds:F1} s"));

        if (args.Contains("--sharing"))
            BatchSharing.Print(corpus, Math.Min(n, int.Parse(Option("--sharing", "0"), c)));
        if (!args.Contains("--no-breakdown"))
            Breakdown(corpus, threshold, sample);
        if (args.Contains("--full"))
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            watch.Restart();
            var pairs = corpus.Join(threshold, threads);
            var wall = watch.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(c,
                $"join: {pairs.Count} pairs in {wall:F2} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F1} s CPU ({threads} threads); digest {DatedCorpus.Digest(pairs)}"));
        }
    }

    private static void Breakdown(DatedCorpus corpus, double threshold, int sample)
    {
        var c = CultureInfo.InvariantCulture;
        var n = corpus.Vectors.Length;
        var ticks = TimeSpan.FromDays(7).Ticks;
        var spanEnd = 1;
        while (spanEnd < n && corpus.Documents[spanEnd].WindowTicks - corpus.Documents[0].WindowTicks <= ticks)
            spanEnd++;
        var watch = Stopwatch.StartNew();
        var index = new PostingIndex(corpus.Vectors, 0, spanEnd, corpus.Dims, null, Math.Max(WindowJoin.MinCommonPostings, spanEnd / 64), WindowJoin.SkippableTerms);
        var build = watch.Elapsed.TotalSeconds;
        var overlap = new float[spanEnd];
        var dense = new float[corpus.Dims];
        var order = new int[4096];
        var skippedWeights = new float[2 * index.CommonCount];
        double accumulate = 0, scan = 0, filter = 0, verify = 0;
        long walked = 0, walkedCommon = 0, candidates = 0, verified = 0, found = 0, scanned = 0, verifiedTerms = 0;
        for (var j = 0; j < spanEnd; j += sample)
        {
            var y = corpus.Vectors[j];
            if (y.Count == 0 || j == 0)
                continue;
            var t0 = Stopwatch.GetTimestamp();
            var cut = (float)threshold - Math.Max(1e-4f, y.Count * 1.2e-7f);
            var budget = WindowJoin.SkipBudget * threshold;
            var skipped = (float)index.Accumulate(y, 0, j, budget, overlap, order, WindowJoin.SkipWholeLists, skippedWeights);
            var t1 = Stopwatch.GetTimestamp();
            foreach (var t in y.Indices)
            {
                var id = index.CommonId(t);
                var whole = id >= 0 && skippedWeights[2 * id + 1] != 0;
                var low = id >= 0 && skippedWeights[2 * id] != 0;
                var p = whole ? 0 : index.Postings(t, 0, j, low);
                walked += p;
                if (id >= 0)
                    walkedCommon += p;
            }
            var verifyFrom = cut - skipped;
            var sums = new List<float>();
            var list = new List<int>();
            for (var i = 0; i < j; i++)
            {
                if (overlap[i] > 0 && overlap[i] >= verifyFrom)
                {
                    list.Add(i);
                    sums.Add(overlap[i]);
                }
                overlap[i] = 0;
            }
            scanned += j;
            var t2 = Stopwatch.GetTimestamp();
            candidates += list.Count;
            if (WindowJoin.FilterCandidates && skipped > 0)
            {
                var kept = new List<int>();
                for (var q = 0; q < list.Count; q++)
                {
                    if (sums[q] + index.Skipped(list[q], skippedWeights) >= cut)
                        kept.Add(list[q]);
                }
                list = kept;
            }
            index.ClearSkipped(y, skippedWeights);
            var t25 = Stopwatch.GetTimestamp();
            verified += list.Count;
            for (var k = 0; k < y.Count; k++)
                dense[y.Indices[k]] = y.Values[k];
            foreach (var i in list)
            {
                var x = corpus.Vectors[i];
                double cosine = 0;
                for (var k = 0; k < x.Count; k++)
                    cosine += (double)x.Values[k] * dense[x.Indices[k]];
                verifiedTerms += x.Count;
                if (cosine >= threshold)
                    found++;
            }
            for (var k = 0; k < y.Count; k++)
                dense[y.Indices[k]] = 0;
            var t3 = Stopwatch.GetTimestamp();
            accumulate += Stopwatch.GetElapsedTime(t0, t1).TotalSeconds;
            scan += Stopwatch.GetElapsedTime(t1, t2).TotalSeconds;
            filter += Stopwatch.GetElapsedTime(t2, t25).TotalSeconds;
            verify += Stopwatch.GetElapsedTime(t25, t3).TotalSeconds;
        }
        Console.WriteLine(string.Create(c, $"first span: {spanEnd} documents, {index.CommonCount} common terms; index build {build:F2} s; {WindowJoin.SkippableTerms} skippable, skip budget {WindowJoin.SkipBudget}, filter {WindowJoin.FilterCandidates}; every {sample}th probe on one thread, scaled ×{sample}:"));
        Console.WriteLine(string.Create(c, $"  accumulate {accumulate * sample:F1} s ({walked * (double)sample:E2} postings walked, {walkedCommon * (double)sample:E2} of common terms), scan {scan * sample:F1} s ({scanned * (double)sample:E2} slots, {candidates * (long)sample:N0} candidates), filter {filter * sample:F1} s, verify {verify * sample:F1} s ({verified * (long)sample:N0} verified, {verifiedTerms * (double)sample:E2} terms, {found * (long)sample:N0} pairs)"));
    }
}

/// <summary>How many postings batches of probes would walk (each batch walks the union of its probes' lists once), by batch size and grouping.</summary>
internal static class BatchSharing
{
    public static void Print(DatedCorpus corpus, int spanEnd)
    {
        var c = CultureInfo.InvariantCulture;
        var index = new PostingIndex(corpus.Vectors, 0, spanEnd, corpus.Dims, null, int.MaxValue);
        long Single()
        {
            long sum = 0;
            for (var j = 0; j < spanEnd; j++)
            {
                foreach (var t in corpus.Vectors[j].Indices)
                    sum += index.Range(t, 0, j) is var (a, b) ? b - a : 0;
            }
            return sum;
        }
        long Batched(int[] order, int size)
        {
            long sum = 0;
            var seen = new HashSet<int>();
            for (var start = 0; start < order.Length; start += size)
            {
                seen.Clear();
                var to = 0;
                for (var q = start; q < Math.Min(order.Length, start + size); q++)
                {
                    to = Math.Max(to, order[q]);
                    seen.UnionWith(corpus.Vectors[order[q]].Indices);
                }
                foreach (var t in seen)
                    sum += index.Range(t, 0, to) is var (a, b) ? b - a : 0;
            }
            return sum;
        }
        var single = Single();
        Console.WriteLine(string.Create(c, $"one probe at a time, nothing skipped: {single:E3} postings"));
        var consecutive = Enumerable.Range(0, spanEnd).ToArray();
        // grouped: by the probe's heaviest term among those in more than 1% of documents, then position
        var key = consecutive.Select(j =>
        {
            var v = corpus.Vectors[j];
            var (best, weight) = (-1, 0f);
            for (var k = 0; k < v.Count; k++)
            {
                var (a, b) = index.Range(v.Indices[k], 0, spanEnd);
                if (b - a > spanEnd / 100 && v.Values[k] > weight)
                    (best, weight) = (v.Indices[k], v.Values[k]);
            }
            return best;
        }).ToArray();
        var grouped = consecutive.OrderBy(j => key[j]).ThenBy(j => j).ToArray();
        foreach (var size in new[] { 8, 16, 32, 64 })
            Console.WriteLine(string.Create(c, $"batches of {size}: consecutive {Batched(consecutive, size) / (double)single:F3}, grouped by heaviest common term {Batched(grouped, size) / (double)single:F3} (of one at a time)"));
    }
}
