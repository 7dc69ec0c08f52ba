using BenchmarkDotNet.Running;
using ClassifyPipeline.Benchmarks;

// BenchmarkDotNet hot loops: dotnet run -c Release --project tests/ClassifyPipeline.Benchmarks -- --filter '*'
// (the end-to-end throughput harness is 'scale' in tools/ClassifyPipeline.Tools; 'join-profile' times the join's parts)
if (args is ["join-profile", ..])
    JoinProfile.Run(args);
else
    BenchmarkSwitcher.FromAssembly(typeof(AnalyzeBenchmarks).Assembly).Run(args);
