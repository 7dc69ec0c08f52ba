namespace ClassifyPipeline.Classification.Topic;

/// <summary>
/// Multi-label models: what happens to an article for which no label reaches its threshold. Single-label models
/// always give their top label and ignore this.
/// </summary>
public enum TopLabelFallback
{
    /// <summary>The article gets no label.</summary>
    Off,

    /// <summary>The top-scoring label is assigned anyway: every article gets at least one label.</summary>
    Always,

    /// <summary>
    /// The top-scoring label is assigned when its score reaches a fallback threshold chosen from the out-of-fold scores
    /// of the threshold tuning (the micro-F1-best one; needs threshold folds), so articles that fit no label can stay unlabeled.
    /// </summary>
    Tuned,
}
