namespace ClassifyPipeline.Tests.Support;

/// <summary>The full development data (<see cref="RepoPaths.SharedData"/>) for the tests that need more than the repository holds.</summary>
public static class DevelopmentData
{
    /// <summary>
    /// A file or folder of the development data; when it is not there, the calling <c>[SkippableFact]</c> is reported
    /// as skipped with the path it looked for (a clone alone has no development data).
    /// </summary>
    public static string Require(params string[] parts)
    {
        var path = Path.Combine([RepoPaths.SharedData, .. parts]);
        Skip.IfNot(File.Exists(path) || Directory.Exists(path),
            $"needs the development data: '{path}' is missing (clone beside shared/, or set CLASSIFY_SHARED_DATA)");
        return path;
    }
}
