using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/ClassifyPipeline.Benchmarks -- --filter '*'
// dotnet run -c Release --project tests/ClassifyPipeline.Benchmarks -- scale CORPUS.jsonl [--exhaustive]
if (args.Length > 0 && args[0] == "scale")
{
    ClassifyPipeline.Benchmarks.ScaleBenchmark.Run(args[1..]);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(ClassifyPipeline.Benchmarks.ScaleBenchmark).Assembly).Run(args);
