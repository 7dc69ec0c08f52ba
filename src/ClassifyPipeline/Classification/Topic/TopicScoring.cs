namespace ClassifyPipeline.Classification.Topic;

/// <summary>How a model turns its linear scores into the 0..1 scores it reports.</summary>
public enum TopicScoring
{
    /// <summary>Softmax over all labels: class probabilities of a multinomial logistic regression.</summary>
    Softmax = 1,

    /// <summary>The logistic function of each label's own score: a probability for logistic regression, a squashed margin for an SVM.</summary>
    Sigmoid = 2,
}
