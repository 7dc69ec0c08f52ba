using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/ClassifyPipeline.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
