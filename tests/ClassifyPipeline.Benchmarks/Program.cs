using BenchmarkDotNet.Running;

// BenchmarkDotNet hot loops: dotnet run -c Release --project tests/ClassifyPipeline.Benchmarks -- --filter '*'
// (the end-to-end throughput harness is 'scale' in tools/ClassifyPipeline.Tools)
BenchmarkSwitcher.FromAssembly(typeof(AnalyzeBenchmarks).Assembly).Run(args);
