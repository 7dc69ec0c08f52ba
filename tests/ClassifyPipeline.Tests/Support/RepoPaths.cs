namespace ClassifyPipeline.Tests.Support;

/// <summary>
/// Finds the repository root (where ClassifyPipeline.sln is) and the development data: <c>CLASSIFY_SHARED_DATA</c> when set,
/// else <c>../shared/data</c> beside the repository. Also compiled into the benchmarks project.
/// </summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string Training => Path.Combine(Root, "training");

    /// <summary>The development data: <c>CLASSIFY_SHARED_DATA</c>, else <c>../shared/data</c> from the repository root.</summary>
    public static string SharedData =>
        Path.GetFullPath(Environment.GetEnvironmentVariable("CLASSIFY_SHARED_DATA") is { Length: > 0 } set ? set : Path.Combine(Root, "..", "shared", "data"));

    /// <summary>The BBC topic training part of the development data, which tests and benchmarks read most.</summary>
    public static string BbcTrain => Path.Combine(SharedData, "topics", "bbc", "train.jsonl");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ClassifyPipeline.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ClassifyPipeline.sln not found above " + AppContext.BaseDirectory);
    }
}
