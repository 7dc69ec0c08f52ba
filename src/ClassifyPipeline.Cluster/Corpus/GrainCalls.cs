using ClassifyPipeline.Corpus;

namespace ClassifyPipeline.Cluster.Corpus;

/// <summary>
/// Grain calls from the synchronous corpus-state seam: waits for them, runs many at once (bounded), and turns a
/// cluster failure (a silo gone, a timeout, a grain's refusal) into one <see cref="CorpusStateException"/> that says
/// what happened to the batch.
/// </summary>
/// <param name="lost">Cancelled when a silo leaves the cluster (<see cref="Hosting.ClusterWatch"/>): the batch fails then.</param>
internal sealed class GrainCalls(string corpus, int maxConcurrent, CancellationToken cancellationToken, CancellationToken lost = default, Func<string?>? loss = null)
{
    private readonly CancellationToken _either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lost).Token;

    public T Wait<T>(Func<Task<T>> call, string what)
    {
        try
        {
            return call().WaitAsync(_either).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new CorpusStateException($"the cluster failed while {what} (corpus '{corpus}'): {loss?.Invoke() ?? "a silo left the cluster"}; run the batch again (a batch that did not commit left nothing behind; one that did is unchanged by a rerun)");
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
        Wait(() => Parallel.ForEachAsync(Enumerable.Range(0, items.Count), new ParallelOptions { MaxDegreeOfParallelism = maxConcurrent, CancellationToken = _either },
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
        // a silo that died is unreachable before the cluster's membership says it left: the same advice as a loss
        var unreachable = inner is Orleans.Runtime.OrleansMessageRejectionException or Orleans.Runtime.SiloUnavailableException
            or Orleans.Runtime.Messaging.ConnectionFailedException;
        var advice = unreachable ? "; a silo is unreachable (it may have died): run the batch again (a batch that did not commit left nothing behind; one that did is unchanged by a rerun)" : "";
        return new CorpusStateException($"the cluster failed while {what} (corpus '{corpus}'): {inner.Message}{advice}", inner);
    }
}
