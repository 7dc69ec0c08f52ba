using System.Collections.Concurrent;

namespace ClassifyPipeline.Vectors;

/// <summary>
/// The Vectorize stage for one batch: fits TF-IDF on the batch's own statistics and returns its vectors. Documents
/// are added as they are analyzed, from any thread, and held as term ids rather than strings, so a large batch
/// costs four bytes per term occurrence instead of a string each. The result does not depend on the order or the
/// thread in which documents were added: ids are renumbered into the model's (ordinal) term order before use.
/// It fits once: <see cref="Fit"/> lets the documents and the term dictionary go, since a large batch's term ids
/// take as much memory as its vectors.
/// </summary>
public sealed class BatchVectorizer
{
    private readonly ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<int[]?> _documents;
    private int _nextId = -1;
    private bool _fitted;

    /// <param name="count">Document slots to start with (<see cref="Extend"/> adds more).</param>
    public BatchVectorizer(int count = 0)
    {
        _documents = new List<int[]?>(count);
        Extend(count);
    }

    /// <summary>Adds <paramref name="count"/> slots and returns the first one's number. Not safe beside concurrent <see cref="Add"/> calls.</summary>
    public int Extend(int count)
    {
        ThrowIfFitted();
        var first = _documents.Count;
        for (var i = 0; i < count; i++)
            _documents.Add(null);
        return first;
    }

    /// <summary>Records the terms (each occurrence) of the document in slot <paramref name="document"/>; safe to call from several threads for different slots.</summary>
    public void Add(int document, IReadOnlyList<string> terms)
    {
        ThrowIfFitted();
        var ids = new int[terms.Count];
        for (var k = 0; k < ids.Length; k++)
        {
            var term = terms[k];
            if (!_ids.TryGetValue(term, out var id))
                id = _ids.GetOrAdd(term, _ => Interlocked.Increment(ref _nextId));
            ids[k] = id;
        }
        _documents[document] = ids;
    }

    /// <summary>The model fitted on every added document, and each document's unit TF-IDF vector (empty for one never added).</summary>
    public (TfIdfModel Model, SparseVector[] Vectors) Fit(VectorizeOptions options)
    {
        ThrowIfFitted();
        _fitted = true;
        // GetOrAdd may draw an id for a term another thread added first: such ids stay unused (null)
        var vocabulary = new string?[_nextId + 1];
        foreach (var (term, id) in _ids)
            vocabulary[id] = term;
        _ids.Clear();
        var df = new long[vocabulary.Length];
        Parallel.For(0, _documents.Count, d =>
        {
            if (_documents[d] is not { } ids)
                return;
            Array.Sort(ids); // the order of a document's terms does not matter from here on
            for (var k = 0; k < ids.Length; k++)
            {
                if (k == 0 || ids[k] != ids[k - 1])
                    Interlocked.Increment(ref df[ids[k]]);
            }
        });
        var frequencies = new Dictionary<string, long>(vocabulary.Length, StringComparer.Ordinal);
        for (var id = 0; id < vocabulary.Length; id++)
        {
            if (vocabulary[id] is { } term)
                frequencies[term] = df[id];
        }
        var added = _documents.Count(d => d is not null);
        var model = new TfIdfEstimator(options).Fit(CorpusStatistics.Adopt(added, frequencies));

        var toModel = new int[vocabulary.Length];
        for (var id = 0; id < vocabulary.Length; id++)
            toModel[id] = vocabulary[id] is { } term ? model.IndexOf(term) : -1;
        var vectors = new SparseVector[_documents.Count];
        Parallel.For(0, _documents.Count, d =>
        {
            if (_documents[d] is not { } ids)
            {
                vectors[d] = SparseVector.Empty;
                return;
            }
            var indices = new int[ids.Length];
            for (var k = 0; k < ids.Length; k++)
                indices[k] = toModel[ids[k]];
            vectors[d] = model.Transform(indices);
        });
        _documents.Clear();
        return (model, vectors);
    }

    private void ThrowIfFitted()
    {
        if (_fitted)
            throw new InvalidOperationException("this batch is already vectorized: a BatchVectorizer fits once");
    }
}
