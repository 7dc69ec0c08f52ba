using System.Globalization;
using ClassifyPipeline.Ingest;

namespace ClassifyPipeline.Classification.Stance;

/// <summary>Cross-validation folds grouped by story: every body of a story lands in the same fold, so a fold's stories are new to its model.</summary>
public static class StoryFolds
{
    /// <summary>Reads a <c>Body ID,Story ID</c> CSV.</summary>
    public static IReadOnlyDictionary<int, int> ReadStories(string path)
    {
        if (!File.Exists(path))
            throw new Fnc1FormatException(path, null, "file not found");
        using var reader = new StreamReader(path);
        var result = new Dictionary<int, int>();
        var header = true;
        foreach (var row in CsvParser.Parse(reader))
        {
            if (header)
            {
                header = false;
                if (row.Fields.Length != 2 || row.Fields[0].Trim() != "Body ID" || row.Fields[1].Trim() != "Story ID")
                    throw new Fnc1FormatException(path, row.Line, "expected the header 'Body ID,Story ID'");
                continue;
            }
            if (row.Fields.Length != 2
                || !int.TryParse(row.Fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var body)
                || !int.TryParse(row.Fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var story))
                throw new Fnc1FormatException(path, row.Line, "expected two whole numbers, 'Body ID,Story ID'");
            if (!result.TryAdd(body, story))
                throw new Fnc1FormatException(path, row.Line, $"duplicate Body ID {body}");
        }
        return result;
    }

    /// <summary>
    /// Assigns each body (of the pairs given, one entry per pair) a fold in [0, k): stories, largest first
    /// (ties by id), go to the fold with the fewest pairs so far. Bodies with no story are a story of their own.
    /// </summary>
    public static IReadOnlyDictionary<int, int> Assign(IReadOnlyList<int> pairBodyIds, IReadOnlyDictionary<int, int> storyOf, int k)
    {
        var storyPairs = new Dictionary<long, int>();
        foreach (var body in pairBodyIds)
        {
            var story = StoryKey(body, storyOf);
            storyPairs[story] = storyPairs.GetValueOrDefault(story) + 1;
        }
        var load = new int[k];
        var foldOfStory = new Dictionary<long, int>();
        foreach (var (story, count) in storyPairs.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key))
        {
            var fold = 0;
            for (var f = 1; f < k; f++)
                if (load[f] < load[fold])
                    fold = f;
            load[fold] += count;
            foldOfStory[story] = fold;
        }
        var result = new Dictionary<int, int>();
        foreach (var body in pairBodyIds)
            result[body] = foldOfStory[StoryKey(body, storyOf)];
        return result;
    }

    // Bodies without a story get keys that cannot collide with story ids.
    private static long StoryKey(int body, IReadOnlyDictionary<int, int> storyOf) =>
        storyOf.TryGetValue(body, out var story) ? story : -1L - body;
}
