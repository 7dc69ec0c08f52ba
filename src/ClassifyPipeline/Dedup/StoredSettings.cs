using System.Text.Json.Nodes;

namespace ClassifyPipeline.Dedup;

/// <summary>
/// Compares a settings section stored in a corpus state with the current one. Keys added to a section after states
/// were built (<c>analysis.leadWeight</c>, <c>numberWeight</c>, <c>entityWeight</c>) are missing from older stored
/// sections; a missing key matches only the value that gives the behaviour from before the key existed (1).
/// </summary>
public static class StoredSettings
{
    private static readonly Dictionary<string, JsonNode> AddedKeysNeutral = new(StringComparer.Ordinal)
    {
        ["LeadWeight"] = JsonValue.Create(1),
        ["NumberWeight"] = JsonValue.Create(1),
        ["EntityWeight"] = JsonValue.Create(1),
    };

    /// <summary>True when <paramref name="stored"/> and <paramref name="current"/> (JSON as serialized) describe the same settings.</summary>
    public static bool Match(string stored, string current)
    {
        if (stored == current)
            return true;
        if (JsonNode.Parse(stored) is not JsonObject old || JsonNode.Parse(current) is not JsonObject now)
            return false;
        foreach (var (key, value) in now)
        {
            if (old.TryGetPropertyValue(key, out var was))
            {
                if (!JsonNode.DeepEquals(was, value))
                    return false;
            }
            else if (!AddedKeysNeutral.TryGetValue(key, out var neutral) || !JsonNode.DeepEquals(neutral, value))
            {
                return false;
            }
        }
        return old.All(p => now.ContainsKey(p.Key));
    }
}
