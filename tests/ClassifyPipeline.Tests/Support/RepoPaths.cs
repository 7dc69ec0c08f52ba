namespace ClassifyPipeline.Tests.Support;

/// <summary>
/// Finds the repository root (where ClassifyPipeline.sln is), the data in it that tests read (the default models'
/// training copies in <c>training/</c>, small files in <c>tests/ClassifyPipeline.Tests/Data/</c>), and the full
/// development data beside it: <c>CLASSIFY_SHARED_DATA</c> when set, else <c>../shared/data</c>. Also compiled into
/// the benchmarks project.
/// </summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string Training => Path.Combine(Root, "training");

    /// <summary>The small files vendored for the tests (see its README.md).</summary>
    public static string TestData => Path.Combine(Root, "tests", "ClassifyPipeline.Tests", "Data");

    /// <summary>The BBC topic training part (1,774 articles), the default topic model's copy of the development data's <c>topics/bbc/train.jsonl</c>.</summary>
    public static string BbcTrain => Path.Combine(Training, "topics", "bbc-train.jsonl");

    /// <summary>The FNC-1 training data (<c>train_stances.csv</c>, <c>train_bodies.csv</c>), the default stance model's copy.</summary>
    public static string Fnc1 => Path.Combine(Training, "stance");

    /// <summary><c>Body ID,Story ID</c> of every FNC-1 training body.</summary>
    public static string Fnc1Stories => Path.Combine(TestData, "stories", "fnc1-train-stories.csv");

    /// <summary>The FNC-1 split by story: <c>story_training_ids.txt</c> and <c>story_hold_out_ids.txt</c>.</summary>
    public static string Fnc1StorySplits => Path.Combine(TestData, "fnc1-splits");

    /// <summary>The full development data: <c>CLASSIFY_SHARED_DATA</c>, else <c>../shared/data</c> from the repository root. It may be absent: tests that need it go through <c>DevelopmentData.Require</c>.</summary>
    public static string SharedData =>
        Path.GetFullPath(Environment.GetEnvironmentVariable("CLASSIFY_SHARED_DATA") is { Length: > 0 } set ? set : Path.Combine(Root, "..", "shared", "data"));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ClassifyPipeline.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ClassifyPipeline.sln not found above " + AppContext.BaseDirectory);
    }
}
