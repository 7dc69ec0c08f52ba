using System.Collections;

namespace ClassifyPipeline.IO;

/// <summary>
/// A read-only list whose items are made from their index when read: a view over compact arrays (a dense run's tens of
/// millions of edges) that would hold gigabytes as objects or copies.
/// </summary>
public sealed class ListView<T>(int count, Func<int, T> at) : IReadOnlyList<T>
{
    public int Count => count;

    public T this[int index] => (uint)index < (uint)count ? at(index) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<T> GetEnumerator()
    {
        for (var k = 0; k < count; k++)
            yield return at(k);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
