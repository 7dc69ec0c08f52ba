using Microsoft.Extensions.FileSystemGlobbing;

namespace ClassifyPipeline.Ingest;

/// <summary>
/// Expands the command line's inputs (files, folders, glob patterns) into a sorted list of files.
/// Folders are walked recursively and keep only files some reader takes, skipping run folders (holding
/// run.json) found inside them. Inputs that match nothing
/// are returned as errors rather than silently skipped.
/// </summary>
public static class InputResolver
{
    public static (IReadOnlyList<string> Files, IReadOnlyList<string> Errors) Resolve(IEnumerable<string> inputs, Func<string, bool> readable)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var input in inputs)
        {
            if (File.Exists(input))
            {
                files.Add(Path.GetFullPath(input));
            }
            else if (Directory.Exists(input))
            {
                var found = Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                    .Where(f => readable(f) && !InRunFolder(f, input)).Select(Path.GetFullPath).ToList();
                if (found.Count == 0)
                    errors.Add($"no readable files ({ArticleIngestor.KnownKinds}) in folder '{input}'");
                files.UnionWith(found);
            }
            else if (input.IndexOfAny(['*', '?']) >= 0)
            {
                var matched = Glob(input);
                if (matched.Count == 0)
                    errors.Add($"no files match '{input}'");
                files.UnionWith(matched);
            }
            else
            {
                errors.Add($"input not found: '{input}'");
            }
        }
        return (files.ToList(), errors);
    }

    /// <summary>
    /// True for a file under a run folder (one holding run.json) inside a walked folder: a previous run's
    /// articles.jsonl and report.html are outputs, not articles. A run folder named as the input itself, or a file in it named explicitly, is still read.
    /// </summary>
    private static bool InRunFolder(string file, string root)
    {
        var stop = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        for (var dir = Path.GetDirectoryName(Path.GetFullPath(file)); dir is not null && dir.Length > stop.Length; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "run.json")))
                return true;
        }
        return false;
    }

    private static List<string> Glob(string pattern)
    {
        var full = Path.GetFullPath(pattern);
        var root = Path.GetPathRoot(full)!;
        var parts = full[root.Length..].Split(Path.DirectorySeparatorChar);
        var fixedParts = parts.TakeWhile(p => p.IndexOfAny(['*', '?']) < 0).ToArray();
        var baseDir = Path.Combine([root, .. fixedParts]);
        if (!Directory.Exists(baseDir))
            return [];
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(string.Join('/', parts.Skip(fixedParts.Length)));
        return matcher.GetResultsInFullPath(baseDir).ToList();
    }
}
