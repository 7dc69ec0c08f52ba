using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace ClassifyPipeline.Classification.Stance;

/// <summary>The boosted-tree classifiers under the stance model: binary ML.NET FastTree and multiclass LightGBM, single-threaded so training is deterministic.</summary>
internal static class StanceTrees
{
    public static byte[] Train(float[][] features, bool[] labels, float[] weights, StanceOptions options)
    {
        var ml = new MLContext(seed: options.Seed);
        var rows = new TrainRow[features.Length];
        for (var i = 0; i < rows.Length; i++)
            rows[i] = new TrainRow { Features = features[i], Label = labels[i], Weight = weights[i] };
        var data = ml.Data.LoadFromEnumerable(rows, Schema<TrainRow>());
        var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            LabelColumnName = nameof(TrainRow.Label),
            FeatureColumnName = nameof(TrainRow.Features),
            ExampleWeightColumnName = nameof(TrainRow.Weight),
            NumberOfTrees = options.Trees,
            NumberOfLeaves = options.Leaves,
            LearningRate = options.LearningRate,
            MinimumExampleCountPerLeaf = options.MinLeafExamples,
            FeatureFraction = options.FeatureFraction,
            NumberOfThreads = 1,
            Seed = options.Seed,
        });
        var model = trainer.Fit(data);
        using var stream = new MemoryStream();
        ml.Model.Save(model, data.Schema, stream);
        return stream.ToArray();
    }

    /// <summary>A multiclass LightGBM classifier over labels 0 .. <paramref name="classes"/> − 1.</summary>
    public static byte[] TrainMulticlass(float[][] features, int[] labels, float[] weights, int classes, StanceOptions options)
    {
        var ml = new MLContext(seed: options.Seed);
        var rows = new MulticlassRow[features.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            if (labels[i] < 0 || labels[i] >= classes)
                throw new ArgumentOutOfRangeException(nameof(labels), $"label {labels[i]} is not in 0..{classes - 1}");
            rows[i] = new MulticlassRow { Features = features[i], Label = (uint)labels[i], Weight = weights[i] };
        }
        var data = ml.Data.LoadFromEnumerable(rows, Schema<MulticlassRow>());
        // Keys by value, so score slot c is class c.
        var toKey = ml.Transforms.Conversion.MapValueToKey(nameof(MulticlassRow.Label), keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue);
        var trainer = toKey.Append(ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
        {
            LabelColumnName = nameof(MulticlassRow.Label),
            FeatureColumnName = nameof(MulticlassRow.Features),
            ExampleWeightColumnName = nameof(MulticlassRow.Weight),
            NumberOfIterations = options.Trees,
            NumberOfLeaves = options.Leaves,
            LearningRate = options.LearningRate,
            MinimumExampleCountPerLeaf = options.MinLeafExamples,
            UseSoftmax = true,
            NumberOfThreads = 1,
            Seed = options.Seed,
            Silent = true,
            Booster = new GradientBooster.Options { FeatureFraction = options.FeatureFraction },
        }));
        var model = trainer.Fit(data).LastTransformer; // scoring needs no label column, so the key mapping is left behind
        using var stream = new MemoryStream();
        ml.Model.Save(model, data.Schema, stream);
        return stream.ToArray();
    }

    /// <summary>Per row, the multiclass model's probability of each class.</summary>
    public static float[][] ScoreMulticlass(ITransformer model, float[][] features)
    {
        var ml = new MLContext(seed: 0);
        var rows = features.Select(f => new ScoreRow { Features = f });
        var scored = model.Transform(ml.Data.LoadFromEnumerable(rows, Schema<ScoreRow>()));
        return scored.GetColumn<float[]>("Score").ToArray();
    }

    public static float[] Score(ITransformer model, float[][] features)
    {
        var ml = new MLContext(seed: 0);
        var rows = features.Select(f => new ScoreRow { Features = f });
        var scored = model.Transform(ml.Data.LoadFromEnumerable(rows, Schema<ScoreRow>()));
        return scored.GetColumn<float>("Probability").ToArray();
    }

    private static SchemaDefinition Schema<T>()
    {
        var schema = SchemaDefinition.Create(typeof(T));
        schema["Features"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, StanceFeatures.Count);
        return schema;
    }

    private sealed class TrainRow
    {
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }

        public float Weight { get; set; }
    }

    private sealed class MulticlassRow
    {
        public float[] Features { get; set; } = [];

        public uint Label { get; set; }

        public float Weight { get; set; }
    }

    private sealed class ScoreRow
    {
        public float[] Features { get; set; } = [];
    }
}
