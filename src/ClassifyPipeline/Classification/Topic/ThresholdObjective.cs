namespace ClassifyPipeline.Classification.Topic;

/// <summary>What the per-label thresholds of a multi-label model are tuned for, on the out-of-fold scores.</summary>
public enum ThresholdObjective
{
    /// <summary>Each label's own F1 (SCut, Yang 2001).</summary>
    LabelF1,

    /// <summary>
    /// The micro-F1 over all labels: starting from the label-F1 thresholds, each label's threshold in turn is moved to
    /// where the overall micro-F1 is best, the others held fixed (two rounds). A label with a weak classifier then gets a
    /// stricter threshold than its own F1 would pick, since its false positives cost every label's precision.
    /// </summary>
    MicroF1,
}
