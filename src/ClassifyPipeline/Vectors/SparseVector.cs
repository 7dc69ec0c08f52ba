namespace ClassifyPipeline.Vectors;

/// <summary>
/// A sparse vector as parallel arrays: term indices in ascending order and their weights.
/// TF-IDF vectors are L2-normalized, so the cosine of two of them is their dot product.
/// </summary>
public sealed class SparseVector
{
    public static readonly SparseVector Empty = new([], []);

    public SparseVector(int[] indices, float[] values)
    {
        if (indices.Length != values.Length)
            throw new ArgumentException("indices and values differ in length");
        Indices = indices;
        Values = values;
    }

    public int[] Indices { get; }

    public float[] Values { get; }

    public int Count => Indices.Length;

    /// <summary>The dot product by merging the two sorted index lists.</summary>
    public double Dot(SparseVector other)
    {
        var a = Indices;
        var b = other.Indices;
        double sum = 0;
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            var d = a[i] - b[j];
            if (d == 0)
                sum += (double)Values[i++] * other.Values[j++];
            else if (d < 0)
                i++;
            else
                j++;
        }
        return sum;
    }

    public double Norm()
    {
        double sum = 0;
        foreach (var v in Values)
            sum += (double)v * v;
        return Math.Sqrt(sum);
    }

    /// <summary>The terms both vectors share, with the product of their weights (what each contributes to the cosine).</summary>
    public IEnumerable<(int Index, double Contribution)> Shared(SparseVector other)
    {
        int i = 0, j = 0;
        while (i < Indices.Length && j < other.Indices.Length)
        {
            var d = Indices[i] - other.Indices[j];
            if (d == 0)
            {
                yield return (Indices[i], (double)Values[i] * other.Values[j]);
                i++;
                j++;
            }
            else if (d < 0)
            {
                i++;
            }
            else
            {
                j++;
            }
        }
    }
}
