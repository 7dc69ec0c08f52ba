using System.ComponentModel.DataAnnotations;

namespace ClassifyPipeline.Vectors;

/// <summary>The <c>vectorize</c> section of pipeline.json. The TF-IDF formula is in <see cref="TfIdfModel"/>.</summary>
public sealed class VectorizeOptions
{
    /// <summary>Use 1 + ln(tf) instead of the raw count (scikit-learn's <c>sublinear_tf</c>).</summary>
    public bool SublinearTf { get; set; } = true;

    /// <summary>Add one to document counts as if a document held every term once (scikit-learn's <c>smooth_idf</c>).</summary>
    public bool SmoothIdf { get; set; } = true;

    /// <summary>Terms in fewer documents than this are left out of the vocabulary (scikit-learn's <c>min_df</c> as a count).</summary>
    [Range(1, int.MaxValue)]
    public int MinDocumentFrequency { get; set; } = 1;

    /// <summary>Terms in more than this fraction of the documents are left out (scikit-learn's <c>max_df</c> as a fraction).</summary>
    [Range(0.0, 1.0)]
    public double MaxDocumentFrequency { get; set; } = 1.0;
}
