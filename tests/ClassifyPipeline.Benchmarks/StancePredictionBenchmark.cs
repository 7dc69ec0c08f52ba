using BenchmarkDotNet.Attributes;
using ClassifyPipeline.Classification;
using ClassifyPipeline.Classification.Stance;
using ClassifyPipeline.Tests.Support;

namespace ClassifyPipeline.Benchmarks;

/// <summary>
/// Stance prediction throughput: 1,000 FNC-1 pairs (the first of the story hold-out, in file order)
/// through the default model (trained from training/stance on first use, then loaded from .cache/models).
/// Pairs per second = 1,000 / mean time.
/// </summary>
[SimpleJob(warmupCount: 1, iterationCount: 5, launchCount: 1)]
[MemoryDiagnoser]
public class StancePredictionBenchmark
{
    private StanceModel _model = null!;
    private IReadOnlyList<StancePair> _pairs = null!;

    [GlobalSetup]
    public void Setup()
    {
        var repo = RepoPaths.Root;
        var options = new StanceOptions
        {
            TrainingDirectory = Path.Combine(repo, "training", "stance"),
            ModelDirectory = Path.Combine(repo, ".cache", "models"),
        };
        var files = DefaultStanceModel.TrainingFiles(options) ?? throw new InvalidOperationException("training/stance is missing");
        _model = DefaultStanceModel.GetOrTrain(options, files, out _);

        var data = Fnc1Reader.Read(Path.Combine(RepoPaths.Fnc1, "train_stances.csv"), Path.Combine(RepoPaths.Fnc1, "train_bodies.csv"));
        var holdOut = Fnc1Reader.ReadIds(Path.Combine(RepoPaths.Fnc1StorySplits, "story_hold_out_ids.txt"));
        _pairs = data.Where(holdOut).ToStancePairs().Take(1000).ToList();
    }

    [Benchmark]
    public int Predict1000Pairs() => _model.Predict(_pairs, CancellationToken.None).Count;
}
