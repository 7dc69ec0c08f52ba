using ClassifyPipeline.Corpus;

namespace ClassifyPipeline.Cluster.Corpus;

/// <summary>
/// Grain calls from the synchronous corpus-state seam: waits for them, runs many at once (bounded), and turns a
/// cluster failure (a silo gone, a timeout, a grain's refusal) into one <see cref="CorpusStateException"/> that says
/// what happened to the batch.
/// </summary>
internal sealed class GrainCalls(string corpus, int maxConcurrent, CancellationToken cancellationToken)
{
    public T Wait<T>(Func<Task<T>> call, string what)
    {
        try
        {
            return call().WaitAsync(cancellationToken).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not OperationCanceledException and not CorpusStateException)
        {
            throw Failed(what, e);
        }
    }

    public void Wait(Func<Task> call, string what) => Wait(async () =>
    {
        await call();
        return true;
    }, what);

    /// <summary>Runs <paramref name="call"/> for every item, at most <c>maxConcurrent</c> at a time; the results in item order.</summary>
    public TResult[] ForAll<TItem, TResult>(IReadOnlyList<TItem> items, Func<TItem, Task<TResult>> call, string what)
    {
        var results = new TResult[items.Count];
        Wait(() => Parallel.ForEachAsync(Enumerable.Range(0, items.Count), new ParallelOptions { MaxDegreeOfParallelism = maxConcurrent, CancellationToken = cancellationToken },
            async (i, _) => results[i] = await call(items[i])), what);
        return results;
    }

    public void ForAll<TItem>(IReadOnlyList<TItem> items, Func<TItem, Task> call, string what) =>
        ForAll(items, async item =>
        {
            await call(item);
            return true;
        }, what);

    private CorpusStateException Failed(string what, Exception e)
    {
        var inner = e is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerException! : e;
        return new CorpusStateException($"the cluster failed while {what} (corpus '{corpus}'): {inner.Message}", inner);
    }
}
