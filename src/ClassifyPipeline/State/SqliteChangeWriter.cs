using ClassifyPipeline.Corpus;
using Microsoft.Data.Sqlite;

namespace ClassifyPipeline.State;

/// <summary>
/// Writes one batch's <see cref="CorpusChanges"/> inside its session's transaction, with prepared statements, telling
/// <paramref name="written"/> how many of the batch's upserts, updates and edges are written so far.
/// </summary>
internal sealed class SqliteChangeWriter(SqliteCorpusSession session, IProgress<long>? written = null)
{
    /// <summary>Below this many edges dropping and rebuilding the indexes of an empty table costs more than it saves.</summary>
    internal const int RebuildIndexesFrom = 10_000;

    /// <summary>Rows between two reports: a few a second at SQLite's pace, nothing against the writes themselves.</summary>
    internal const int ReportEvery = 16_384;

    private long _written;

    public void Write(CorpusChanges changes, Action<string>? faultInjection)
    {
        WriteTerms(changes);
        faultInjection?.Invoke("statistics");
        WriteDocuments(changes);
        faultInjection?.Invoke("documents");
        WriteEdges(changes);
        faultInjection?.Invoke("edges");
        if (changes.ReleaseBefore is { } cutoff)
        {
            session.Execute("UPDATE documents SET bag = NULL WHERE window_time < $cutoff AND bag IS NOT NULL", ("$cutoff", cutoff.UtcTicks));
            session.Execute("DELETE FROM edges WHERE newest < $cutoff", ("$cutoff", cutoff.UtcTicks));
        }
        WriteStories(changes);
    }

    private void WriteTerms(CorpusChanges changes)
    {
        using (var insert = session.Command("INSERT INTO terms (id, term, df) VALUES ($id, $term, 0)"))
        {
            var id = insert.Parameters.Add("$id", SqliteType.Integer);
            var term = insert.Parameters.Add("$term", SqliteType.Text);
            insert.Prepare();
            foreach (var (i, t) in changes.NewTerms.OrderBy(p => p.Key))
            {
                id.Value = i;
                term.Value = t;
                insert.ExecuteNonQuery();
            }
        }
        using var update = session.Command("UPDATE terms SET df = df + $delta WHERE id = $id");
        var termId = update.Parameters.Add("$id", SqliteType.Integer);
        var delta = update.Parameters.Add("$delta", SqliteType.Integer);
        update.Prepare();
        foreach (var (i, d) in changes.DocumentFrequencyDeltas.OrderBy(p => p.Key))
        {
            termId.Value = i;
            delta.Value = d;
            update.ExecuteNonQuery();
        }
    }

    private void WriteDocuments(CorpusChanges changes)
    {
        using (var upsert = session.Command("""
            INSERT INTO documents (id, published, first_seen, window_time, story_id, duplicate_of, duplicate_similarity, bag, bag_hash, title, source)
            VALUES ($id, $published, $firstSeen, $windowTime, $story, $dup, $dupSim, $bag, $hash, $title, $source)
            ON CONFLICT (id) DO UPDATE SET published = excluded.published, first_seen = excluded.first_seen, window_time = excluded.window_time,
                story_id = excluded.story_id, duplicate_of = excluded.duplicate_of, duplicate_similarity = excluded.duplicate_similarity,
                bag = excluded.bag, bag_hash = excluded.bag_hash, title = excluded.title, source = excluded.source
            """))
        {
            var p = new (string Name, SqliteType Type)[]
            {
                ("$id", SqliteType.Text), ("$published", SqliteType.Text), ("$firstSeen", SqliteType.Integer), ("$windowTime", SqliteType.Integer),
                ("$story", SqliteType.Text), ("$dup", SqliteType.Text), ("$dupSim", SqliteType.Real), ("$bag", SqliteType.Blob),
                ("$hash", SqliteType.Integer), ("$title", SqliteType.Text), ("$source", SqliteType.Text),
            }.Select(c => upsert.Parameters.Add(c.Name, c.Type)).ToArray();
            upsert.Prepare();
            foreach (var d in changes.Upserts)
            {
                p[0].Value = d.Id;
                p[1].Value = d.Published is { } published ? published.ToString() : DBNull.Value;
                p[2].Value = d.FirstSeen.UtcTicks;
                p[3].Value = d.WindowTime.UtcTicks;
                p[4].Value = d.StoryId;
                p[5].Value = (object?)d.DuplicateOf ?? DBNull.Value;
                p[6].Value = d.DuplicateSimilarity is { } s ? s : DBNull.Value;
                p[7].Value = d.Bag is { } bag ? bag.Bytes.ToArray() : DBNull.Value;
                p[8].Value = d.BagHash;
                p[9].Value = (object?)d.Title ?? DBNull.Value;
                p[10].Value = (object?)d.Source ?? DBNull.Value;
                upsert.ExecuteNonQuery();
                Count();
            }
        }
        using var update = session.Command("UPDATE documents SET story_id = $story, duplicate_of = $dup, duplicate_similarity = $dupSim WHERE id = $id");
        var u = new (string Name, SqliteType Type)[] { ("$id", SqliteType.Text), ("$story", SqliteType.Text), ("$dup", SqliteType.Text), ("$dupSim", SqliteType.Real) }
            .Select(c => update.Parameters.Add(c.Name, c.Type)).ToArray();
        update.Prepare();
        foreach (var d in changes.Updates)
        {
            u[0].Value = d.Id;
            u[1].Value = d.StoryId;
            u[2].Value = (object?)d.DuplicateOf ?? DBNull.Value;
            u[3].Value = d.DuplicateSimilarity is { } s ? s : DBNull.Value;
            update.ExecuteNonQuery();
            Count();
        }
    }

    private void WriteEdges(CorpusChanges changes)
    {
        using (var delete = session.Command("DELETE FROM edges WHERE a = $a AND b = $b"))
        {
            var a = delete.Parameters.Add("$a", SqliteType.Text);
            var b = delete.Parameters.Add("$b", SqliteType.Text);
            delete.Prepare();
            foreach (var (from, to) in changes.RemovedEdges)
            {
                a.Value = from;
                b.Value = to;
                delete.ExecuteNonQuery();
            }
        }
        if (changes.Edges.Count == 0)
            return;
        var order = EdgeWriteOrder.Of(changes.Edges);
        var windowTime = WindowTimes(order.Ends);
        // a bulk load into an empty table builds its secondary indexes once, from sorted keys, instead of row by row
        var rebuildIndexes = order.Count >= RebuildIndexesFrom && IsEmpty("edges");
        if (rebuildIndexes)
            session.Execute(StateSchema.DropEdgeIndexes);
        using (var insert = session.Command("""
            INSERT INTO edges (a, b, cosine, newest) VALUES ($a, $b, $cosine, $newest)
            ON CONFLICT (a, b) DO UPDATE SET cosine = excluded.cosine, newest = excluded.newest
            """))
        {
            var ea = insert.Parameters.Add("$a", SqliteType.Text);
            var eb = insert.Parameters.Add("$b", SqliteType.Text);
            var cos = insert.Parameters.Add("$cosine", SqliteType.Real);
            var newest = insert.Parameters.Add("$newest", SqliteType.Integer);
            insert.Prepare();
            for (var k = 0; k < order.Count; k++)
            {
                var (from, to) = (order.From(k), order.To(k));
                ea.Value = order.Ends[from];
                eb.Value = order.Ends[to];
                cos.Value = changes.Edges[order.Edges[k]].Cosine;
                // the later end's window time; an end not stored leaves it null, which the table refuses (as before)
                newest.Value = windowTime[from] is { } ta && windowTime[to] is { } tb ? Math.Max(ta, tb) : DBNull.Value;
                insert.ExecuteNonQuery();
                Count();
            }
        }
        if (rebuildIndexes)
            session.Execute(StateSchema.EdgeIndexes);
    }

    private void Count()
    {
        if (++_written % ReportEvery == 0)
            written?.Report(_written);
    }

    /// <summary>The stored window time (UTC ticks) of each id, read after the batch's documents are written; null when not stored.</summary>
    private long?[] WindowTimes(string[] ids)
    {
        var result = new long?[ids.Length];
        using var select = session.Command("SELECT window_time FROM documents WHERE id = $id");
        var id = select.Parameters.Add("$id", SqliteType.Text);
        select.Prepare();
        for (var k = 0; k < ids.Length; k++)
        {
            id.Value = ids[k];
            result[k] = select.ExecuteScalar() is long ticks ? ticks : null;
        }
        return result;
    }

    private bool IsEmpty(string table)
    {
        using var command = session.Command($"SELECT NOT EXISTS (SELECT 1 FROM {table})");
        return (long)command.ExecuteScalar()! != 0;
    }

    private void WriteStories(CorpusChanges changes)
    {
        using (var story = session.Command("INSERT INTO stories (id, created) VALUES ($id, $created) ON CONFLICT (id) DO NOTHING"))
        {
            var id = story.Parameters.Add("$id", SqliteType.Text);
            story.Parameters.AddWithValue("$created", changes.Now.UtcTicks);
            story.Prepare();
            foreach (var s in changes.NewStories)
            {
                id.Value = s;
                story.ExecuteNonQuery();
            }
        }
        foreach (var (alias, target) in changes.Aliases.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            // members the batch did not reach and older aliases follow the merge
            session.Execute("UPDATE documents SET story_id = $target WHERE story_id = $alias", ("$alias", alias), ("$target", target));
            session.Execute("UPDATE story_aliases SET story_id = $target WHERE story_id = $alias", ("$alias", alias), ("$target", target));
            session.Execute("INSERT INTO story_aliases (alias, story_id) VALUES ($alias, $target) ON CONFLICT (alias) DO UPDATE SET story_id = excluded.story_id", ("$alias", alias), ("$target", target));
            session.Execute("DELETE FROM stories WHERE id = $alias", ("$alias", alias));
        }
    }
}
