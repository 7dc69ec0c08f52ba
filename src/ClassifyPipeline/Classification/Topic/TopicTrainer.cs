namespace ClassifyPipeline.Classification.Topic;

/// <summary>
/// The Microsoft.ML trainer behind a topic model. Single-label data uses the multiclass form, multi-label data one
/// binary model per label (one-vs-rest) of the matching kind: logistic regression for the two maximum-entropy
/// trainers, a linear SVM for <see cref="LinearSvm"/>.
/// </summary>
public enum TopicTrainer
{
    /// <summary>Multinomial logistic regression by stochastic dual coordinate ascent (SdcaMaximumEntropy / SdcaLogisticRegression).</summary>
    SdcaMaximumEntropy,

    /// <summary>Multinomial logistic regression by L-BFGS (LbfgsMaximumEntropy / LbfgsLogisticRegression).</summary>
    LbfgsMaximumEntropy,

    /// <summary>A linear SVM (Pegasos) per label, one-versus-all; the top margin wins.</summary>
    LinearSvm,

    /// <summary>
    /// A linear SVM per label (squared hinge loss, bias as a regularized extra feature) solved exactly by dual
    /// coordinate descent (Hsieh et al. 2008, LIBLINEAR's default solver), the project's own code; one-versus-all.
    /// </summary>
    LinearSvmDcd,
}
