using System.Text.Json;
using ClassifyPipeline.Corpus;
using Microsoft.Data.Sqlite;

namespace ClassifyPipeline.State;

/// <summary>
/// The threads of a <see cref="SqliteCorpusState"/>: <c>story_summaries</c> (one row per live story: its thread, dates,
/// size, outlets and profile, the last two as JSON) and <c>thread_aliases</c>. Added by schema version 3
/// (<see cref="StateSchema.MigrateFrom2"/>).
/// </summary>
internal sealed class SqliteThreadStore(SqliteCorpusSession session)
{
    public StoredThreads Load()
    {
        var stories = new List<StorySummary>();
        session.ForEach("SELECT story_id, thread_id, lead_id, lead_title, first, last, size, outlets, first_outlet, profile FROM story_summaries ORDER BY story_id", r =>
            stories.Add(new StorySummary(
                r.GetString(0),
                r.GetString(1),
                r.GetString(2),
                r.IsDBNull(3) ? null : r.GetString(3),
                r.IsDBNull(4) ? null : new DateTimeOffset(r.GetInt64(4), TimeSpan.Zero),
                r.IsDBNull(5) ? null : new DateTimeOffset(r.GetInt64(5), TimeSpan.Zero),
                r.GetInt32(6),
                JsonSerializer.Deserialize<string[]>(r.GetString(7)) ?? [],
                r.IsDBNull(8) ? null : r.GetString(8),
                ReadProfile(r.GetString(9)))));
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        session.ForEach("SELECT alias, thread_id FROM thread_aliases", r => aliases.Add(r.GetString(0), r.GetString(1)));
        return new StoredThreads(stories, aliases);
    }

    public void Write(ThreadChanges changes)
    {
        using (var delete = session.Command("DELETE FROM story_summaries WHERE story_id = $id"))
        {
            var id = delete.Parameters.Add("$id", SqliteType.Text);
            delete.Prepare();
            foreach (var s in changes.RemovedStories)
            {
                id.Value = s;
                delete.ExecuteNonQuery();
            }
        }
        using (var upsert = session.Command("""
            INSERT INTO story_summaries (story_id, thread_id, lead_id, lead_title, first, last, size, outlets, first_outlet, profile)
            VALUES ($story, $thread, $lead, $title, $first, $last, $size, $outlets, $firstOutlet, $profile)
            ON CONFLICT (story_id) DO UPDATE SET thread_id = excluded.thread_id, lead_id = excluded.lead_id, lead_title = excluded.lead_title,
                first = excluded.first, last = excluded.last, size = excluded.size, outlets = excluded.outlets,
                first_outlet = excluded.first_outlet, profile = excluded.profile
            """))
        {
            foreach (var s in changes.Upserts)
            {
                upsert.Parameters.Clear();
                upsert.Parameters.AddWithValue("$story", s.StoryId);
                upsert.Parameters.AddWithValue("$thread", s.ThreadId);
                upsert.Parameters.AddWithValue("$lead", s.LeadId);
                upsert.Parameters.AddWithValue("$title", (object?)s.LeadTitle ?? DBNull.Value);
                upsert.Parameters.AddWithValue("$first", (object?)s.First?.UtcTicks ?? DBNull.Value);
                upsert.Parameters.AddWithValue("$last", (object?)s.Last?.UtcTicks ?? DBNull.Value);
                upsert.Parameters.AddWithValue("$size", s.Size);
                upsert.Parameters.AddWithValue("$outlets", JsonSerializer.Serialize(s.Outlets));
                upsert.Parameters.AddWithValue("$firstOutlet", (object?)s.FirstOutlet ?? DBNull.Value);
                upsert.Parameters.AddWithValue("$profile", WriteProfile(s.Profile));
                upsert.ExecuteNonQuery();
            }
        }
        foreach (var (alias, target) in changes.Aliases.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            session.Execute("UPDATE thread_aliases SET thread_id = $target WHERE thread_id = $alias", ("$target", target), ("$alias", alias));
            session.Execute("INSERT INTO thread_aliases (alias, thread_id) VALUES ($alias, $target) ON CONFLICT (alias) DO UPDATE SET thread_id = excluded.thread_id",
                ("$alias", alias), ("$target", target));
        }
    }

    /// <summary>A profile as JSON: an array of [term, weight] pairs, heaviest first. Weights round-trip exactly (float "R").</summary>
    private static string WriteProfile(IReadOnlyList<ProfileTerm> profile) =>
        JsonSerializer.Serialize(profile.Select(t => new object[] { t.Term, t.Weight }));

    private static List<ProfileTerm> ReadProfile(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(e => new ProfileTerm(e[0].GetString()!, e[1].GetSingle())).ToList();
    }
}
