namespace ClassifyPipeline.Classification.Stance;

/// <summary>How the stance model tells agree, disagree and discuss apart among related pairs.</summary>
public enum StanceStage2
{
    /// <summary>Three binary FastTree classifiers (agree, disagree, discuss vs the rest), their scores normalized.</summary>
    OneVsRest,

    /// <summary>One LightGBM multiclass classifier (softmax over the three).</summary>
    Multiclass,
}
