using ClassifyPipeline.Vectors;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace ClassifyPipeline.Classification.Topic;

/// <summary>
/// Runs the Microsoft.ML trainers on TF-IDF vectors (sparse <see cref="VBuffer{T}"/> columns) and takes out the
/// linear weights, so that prediction needs no ML.NET pipeline. Every trainer runs single-threaded with a fixed
/// seed: the same data in the same order gives the same weights.
/// </summary>
internal static class LinearTrainers
{
    private sealed class MulticlassRow
    {
        public uint Label;
        public VBuffer<float> Features;
    }

    private sealed class BinaryRow
    {
        public bool Label;
        public VBuffer<float> Features;
    }

    /// <summary>A multinomial logistic regression; <paramref name="classes"/> holds each row's class (0-based). Weights row-major by feature.</summary>
    public static (float[] Weights, float[] Biases) Multiclass(IReadOnlyList<SparseVector> rows, int[] classes, int classCount, int dimension, TopicTrainingOptions options)
    {
        var context = new MLContext(seed: options.Seed);
        var definition = SchemaDefinition.Create(typeof(MulticlassRow));
        definition[nameof(MulticlassRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        definition[nameof(MulticlassRow.Label)].ColumnType = new KeyDataViewType(typeof(uint), classCount);
        // Key values here are 0-based: LoadFromEnumerable maps the raw uint i to key i + 1 of the declared count.
        var data = context.Data.LoadFromEnumerable(
            Shuffled(rows.Count, options.Seed).Select(i => new MulticlassRow { Label = (uint)classes[i], Features = ToVBuffer(rows[i], dimension) }).ToList(), definition);

        MaximumEntropyModelParameters model = options.Trainer switch
        {
            TopicTrainer.SdcaMaximumEntropy => context.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                NumberOfThreads = 1,
                L2Regularization = options.L2Regularization,
                MaximumNumberOfIterations = options.Iterations,
                ConvergenceTolerance = options.Tolerance,
                Shuffle = true,
            }).Fit(data).Model,
            TopicTrainer.LbfgsMaximumEntropy => context.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                NumberOfThreads = 1,
                L2Regularization = options.L2Regularization ?? 1f,
                MaximumNumberOfIterations = options.Iterations ?? 100,
            }).Fit(data).Model,
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Trainer, "not a multiclass maximum-entropy trainer"),
        };

        VBuffer<float>[] perClass = [];
        model.GetWeights(ref perClass, out var count);
        if (count != classCount)
            throw new InvalidOperationException($"the trainer returned {count} classes, expected {classCount}");
        var weights = new float[(long)dimension * classCount];
        for (var c = 0; c < classCount; c++)
            Scatter(perClass[c], weights, classCount, c);
        var biases = model.GetBiases().ToArray();
        return (weights, biases);
    }

    /// <summary>One binary model (label vs the rest): weights over the features and the bias.</summary>
    public static (float[] Weights, float Bias) Binary(IReadOnlyList<SparseVector> rows, bool[] positive, int dimension, TopicTrainingOptions options)
    {
        if (options.Trainer == TopicTrainer.LinearSvmDcd)
            return DualCoordinateSvm(rows, positive, dimension, options);
        var context = new MLContext(seed: options.Seed);
        var definition = SchemaDefinition.Create(typeof(BinaryRow));
        definition[nameof(BinaryRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        var data = context.Data.LoadFromEnumerable(
            Shuffled(rows.Count, options.Seed).Select(i => new BinaryRow { Label = positive[i], Features = ToVBuffer(rows[i], dimension) }).ToList(), definition);

        LinearBinaryModelParameters model = options.Trainer switch
        {
            TopicTrainer.SdcaMaximumEntropy => context.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
            {
                NumberOfThreads = 1,
                L2Regularization = options.L2Regularization,
                MaximumNumberOfIterations = options.Iterations,
                ConvergenceTolerance = options.Tolerance,
                Shuffle = true,
            }).Fit(data).Model.SubModel,
            TopicTrainer.LbfgsMaximumEntropy => context.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                NumberOfThreads = 1,
                L2Regularization = options.L2Regularization ?? 1f,
                MaximumNumberOfIterations = options.Iterations ?? 100,
            }).Fit(data).Model.SubModel,
            TopicTrainer.LinearSvm => context.BinaryClassification.Trainers.LinearSvm(new LinearSvmTrainer.Options
            {
                // Defaults picked by 5-fold cross-validation on BBC (ML.NET's own, lambda 0.001 and 1 pass, underfit badly).
                Lambda = options.L2Regularization ?? 0.0001f,
                NumberOfIterations = options.Iterations ?? 30,
                Shuffle = true,
            }).Fit(data).Model,
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Trainer, "unknown trainer"),
        };

        var weights = new float[dimension];
        var i = 0;
        foreach (var w in model.Weights)
            weights[i++] = w;
        return (weights, model.Bias);
    }

    /// <summary>
    /// L2-regularized squared-hinge SVM by dual coordinate descent (Hsieh et al. 2008, LIBLINEAR's -s 1 without
    /// shrinking): minimizes ½‖w‖² + C Σ max(0, 1 − yᵢ w·xᵢ)² with the bias as an extra feature of value 1.
    /// C = 1/(λ n) for the <see cref="TopicTrainingOptions.L2Regularization"/> λ (default C = 1); stops when the
    /// projected gradient spread is below 0.1 or after <see cref="TopicTrainingOptions.Iterations"/> passes (default 1000).
    /// Deterministic: the visiting order is a seeded shuffle per pass.
    /// </summary>
    private static (float[] Weights, float Bias) DualCoordinateSvm(IReadOnlyList<SparseVector> rows, bool[] positive, int dimension, TopicTrainingOptions options)
    {
        var n = rows.Count;
        var c = options.L2Regularization is { } lambda ? 1.0 / (lambda * n) : 1.0;
        var diagPositive = 0.5 / (c * options.PositiveWeight);
        var diagNegative = 0.5 / c;
        var w = new double[dimension];
        double bias = 0;
        var alpha = new double[n];
        var qii = new double[n];
        for (var i = 0; i < n; i++)
        {
            var v = rows[i];
            double sq = 1; // the bias feature
            for (var j = 0; j < v.Count; j++)
                sq += (double)v.Values[j] * v.Values[j];
            qii[i] = sq + (positive[i] ? diagPositive : diagNegative);
        }
        var order = Enumerable.Range(0, n).ToArray();
        var random = new Random(options.Seed);
        var passes = options.Iterations ?? 1000;
        for (var pass = 0; pass < passes; pass++)
        {
            random.Shuffle(order);
            double maxPg = double.NegativeInfinity, minPg = double.PositiveInfinity;
            foreach (var i in order)
            {
                var v = rows[i];
                double y = positive[i] ? 1 : -1;
                var dot = bias;
                for (var j = 0; j < v.Count; j++)
                    dot += w[v.Indices[j]] * v.Values[j];
                var g = y * dot - 1 + (positive[i] ? diagPositive : diagNegative) * alpha[i];
                var pg = alpha[i] == 0 ? Math.Min(g, 0) : g;
                maxPg = Math.Max(maxPg, pg);
                minPg = Math.Min(minPg, pg);
                if (Math.Abs(pg) <= 1e-12)
                    continue;
                var old = alpha[i];
                alpha[i] = Math.Max(old - g / qii[i], 0);
                var step = (alpha[i] - old) * y;
                for (var j = 0; j < v.Count; j++)
                    w[v.Indices[j]] += step * v.Values[j];
                bias += step;
            }
            if (maxPg - minPg < 0.1)
                break;
        }
        var weights = new float[dimension];
        for (var f = 0; f < dimension; f++)
            weights[f] = (float)w[f];
        return (weights, (float)bias);
    }

    /// <summary>
    /// A seeded permutation of the rows. Labeled files are often sorted by label, and the trainers' own shuffling
    /// cannot reorder a streamed data view: the stochastic trainers (SDCA, Pegasos) then see one class after the other.
    /// </summary>
    private static int[] Shuffled(int count, int seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        return order;
    }

    private static VBuffer<float> ToVBuffer(SparseVector v, int dimension) =>
        new(dimension, v.Count, v.Values, v.Indices);

    private static void Scatter(VBuffer<float> source, float[] target, int stride, int offset)
    {
        var values = source.GetValues();
        if (source.IsDense)
        {
            for (var f = 0; f < values.Length; f++)
                target[(long)f * stride + offset] = values[f];
            return;
        }
        var indices = source.GetIndices();
        for (var k = 0; k < indices.Length; k++)
            target[(long)indices[k] * stride + offset] = values[k];
    }
}
