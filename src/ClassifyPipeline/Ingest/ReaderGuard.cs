using ClassifyPipeline.Articles;

namespace ClassifyPipeline.Ingest;

/// <summary>
/// Keeps one input from stopping a batch. A reader (ours or a third-party parser inside it) that throws
/// becomes a rejection with the file, the position reached and the reason, and the batch goes on:
/// <see cref="File"/> guards a whole file's lazy sequence, <see cref="Item"/> one item of it.
/// <para>
/// Not caught: <see cref="OutOfMemoryException"/>, and <see cref="OperationCanceledException"/> while the run's
/// token asks to stop (cancellation is not a bad input). An <see cref="OperationCanceledException"/> nobody asked
/// for is a reader's fault like any other. A reader cannot be resumed after it has thrown, so the file's rest is
/// not read; the rejection says so. The guard adds no state of its own: reading the same files again yields the
/// same sequence, rejections included, as long as the readers are deterministic.
/// </para>
/// </summary>
public static class ReaderGuard
{
    /// <summary>The start of every reason the guard writes, so a reader's bug can be told from bad input.</summary>
    public const string Marker = "reader failure";

    /// <summary>
    /// The items of <paramref name="read"/> (called lazily, on the first item asked for), each checked; an
    /// exception while starting or while reading becomes a last rejection for <paramref name="path"/>.
    /// </summary>
    public static IEnumerable<ReadItem> File(string path, Func<IEnumerable<ReadItem>> read, CancellationToken cancellationToken)
    {
        IEnumerator<ReadItem>? items = null;
        string? failure = null;
        try
        {
            items = read().GetEnumerator();
        }
        catch (Exception e) when (Catchable(e, cancellationToken))
        {
            failure = Reason(e, atStart: true);
        }
        if (items is null)
        {
            yield return ReadItem.Rejected(path, null, failure!);
            yield break;
        }

        string? lastLocation = null;
        var count = 0;
        try
        {
            while (true)
            {
                ReadItem item;
                try
                {
                    if (!items.MoveNext())
                        break;
                    item = items.Current;
                }
                catch (Exception e) when (Catchable(e, cancellationToken))
                {
                    failure = Reason(e, atStart: count == 0);
                    break;
                }
                if (item.Article is null && item.Rejection is null)
                {
                    failure = $"{Marker} (a bug): the reader gave an empty result; the rest of the file was not read";
                    break;
                }
                count++;
                lastLocation = item.Article?.Input?.Location ?? item.Rejection?.Location ?? $"item {count}";
                yield return item;
            }
        }
        finally
        {
            items.Dispose();
        }
        if (failure is not null)
            yield return ReadItem.Rejected(path, lastLocation is null ? null : "after " + lastLocation, failure);
    }

    /// <summary>One item read by <paramref name="read"/>; an exception becomes this item's rejection and the reader goes on.</summary>
    public static ReadItem Item(string path, string location, Func<ReadItem> read, CancellationToken cancellationToken = default)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (Catchable(e, cancellationToken))
        {
            return ReadItem.Rejected(path, location, $"{Marker} (a bug) on this item: {Describe(e)}");
        }
    }

    /// <summary>True for an exception the guard turns into a rejection.</summary>
    public static bool Catchable(Exception e, CancellationToken cancellationToken) =>
        e is not OutOfMemoryException && !(e is OperationCanceledException && cancellationToken.IsCancellationRequested);

    /// <summary>The reason for a file whose reading stopped; the location (set by the caller) says where.</summary>
    private static string Reason(Exception e, bool atStart)
    {
        var rest = atStart ? "" : "; the rest of the file was not read";
        if (e is IOException or UnauthorizedAccessException)
            return $"cannot read the file: {e.Message}{rest}";
        return $"{Marker} (a bug){(atStart ? " at the start of the file" : "")}: {Describe(e)}{rest}";
    }

    /// <summary>The exception's type, message (one line, capped) and the method it came from: enough to report the bug.</summary>
    private static string Describe(Exception e)
    {
        var message = e.Message.ReplaceLineEndings(" ");
        if (message.Length > 300)
            message = message[..300] + "…";
        var site = e.TargetSite is { } method ? $" (in {method.DeclaringType?.Name}.{method.Name})" : "";
        return $"{e.GetType().Name}: {message}{site}";
    }
}
