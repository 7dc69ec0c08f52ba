using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace ClassifyPipeline.Classification.Stance;

/// <summary>The binary boosted-tree classifiers under the stance model (ML.NET FastTree, single-threaded so training is deterministic).</summary>
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
            NumberOfThreads = 1,
            Seed = options.Seed,
        });
        var model = trainer.Fit(data);
        using var stream = new MemoryStream();
        ml.Model.Save(model, data.Schema, stream);
        return stream.ToArray();
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

    private sealed class ScoreRow
    {
        public float[] Features { get; set; } = [];
    }
}
