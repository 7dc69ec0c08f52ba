using System.ComponentModel.DataAnnotations;

namespace ClassifyPipeline.Classification.Stance;

/// <summary>The <c>stance</c> section of pipeline.json: what <c>classify run</c> asks the stance model, where the default model comes from, and how it is trained.</summary>
public sealed class StanceOptions
{
    /// <summary>When false, <c>classify run</c> leaves every stance null and trains nothing.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Claims every article's stance is judged toward (besides its story's lead headline).</summary>
    public List<string> Claims { get; set; } = [];

    /// <summary>The FNC-1 files the default model is trained from: <c>train_stances.csv</c> and <c>train_bodies.csv</c> in this folder.</summary>
    public string TrainingDirectory { get; set; } = "training/stance";

    /// <summary>Where trained default models are cached (keyed by a hash of the training files and these settings).</summary>
    public string ModelDirectory { get; set; } = ".cache/models";

    /// <summary>Boosted trees per model (each of the four binary models: related, agree, disagree, discuss).</summary>
    [Range(10, 5000)]
    public int Trees { get; set; } = 500;

    [Range(2, 1024)]
    public int Leaves { get; set; } = 31;

    [Range(0.001, 1.0)]
    public double LearningRate { get; set; } = 0.05;

    [Range(1, 10000)]
    public int MinLeafExamples { get; set; } = 20;

    /// <summary>Training weight of an agree pair relative to discuss (1): the rarer classes count more.</summary>
    [Range(0.1, 100.0)]
    public double AgreeWeight { get; set; } = 2.0;

    /// <summary>Training weight of a disagree pair relative to discuss (1).</summary>
    [Range(0.1, 100.0)]
    public double DisagreeWeight { get; set; } = 6.0;

    /// <summary>Probability of "related" at or above which a pair gets agree, disagree or discuss instead of unrelated.</summary>
    [Range(0.01, 0.99)]
    public double RelatedThreshold { get; set; } = 0.3;

    /// <summary>Factor on the disagree probability when choosing among agree, disagree and discuss (above 1 favours the rare disagree; chosen by story-grouped cross-validation).</summary>
    [Range(0.1, 50.0)]
    public double DisagreeBoost { get; set; } = 3.0;

    [Range(0, int.MaxValue)]
    public int Seed { get; set; } = 1;

    /// <summary>The training settings as a string, for the model cache key (not the claims or folders: they do not change the model).</summary>
    public string TrainingSettings() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"stance-v{StanceModel.FormatVersion};features={StanceFeatures.Count};trees={Trees};leaves={Leaves};lr={LearningRate};minleaf={MinLeafExamples};agree={AgreeWeight};disagree={DisagreeWeight};related={RelatedThreshold};boost={DisagreeBoost};seed={Seed}");
}
