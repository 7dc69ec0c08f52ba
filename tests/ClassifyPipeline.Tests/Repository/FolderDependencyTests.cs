using ClassifyPipeline.Pipeline;
using ClassifyPipeline.Tests.Support;
using Xunit.Abstractions;

namespace ClassifyPipeline.Tests.Repository;

/// <summary>
/// The library's folders (its namespaces) depend only downward, as the issue and ARCHITECTURE.md draw them:
/// IO/, Articles/ and Evaluation/ at the ground; the stages in pipeline order above them, with Corpus/ (the corpus-state
/// seam) below the story stage that reads and writes it; State/ (its SQLite home) above the stages; Pipeline/ (options and the runner) above that; Reports/ (renders a run's result)
/// on top of the library; the CLI and the tools are other assemblies, above all of it. Dependencies are read from
/// the compiled assembly (<see cref="NamespaceDependencies"/>), signatures and method bodies alike.
/// </summary>
public sealed class FolderDependencyTests(ITestOutputHelper output)
{
    private const string Root = "ClassifyPipeline";

    /// <summary>Each top-level folder of src/ClassifyPipeline and its layer: a folder may use only folders of a lower layer.</summary>
    private static readonly Dictionary<string, int> Layer = new(StringComparer.Ordinal)
    {
        ["IO"] = 0,
        ["Articles"] = 0,
        ["Evaluation"] = 0,
        ["Metadata"] = 1,
        ["Ingest"] = 2,
        ["Text"] = 3,
        ["Vectors"] = 4,
        ["Extraction"] = 4,
        ["Corpus"] = 5,
        ["Dedup"] = 6,
        ["Classification"] = 6,
        ["State"] = 7,
        ["Threads"] = 7,
        ["Pipeline"] = 8,
        ["Reports"] = 9,
    };

    /// <summary>
    /// The dependencies that go up or sideways today, each with what causes it. The refactor of Pipeline/ and State/
    /// (one runner path, state behind an interface) removes them: an entry that no longer holds fails the test, so
    /// the list can only shrink. Keep it empty once it is.
    /// </summary>
    private static readonly Dictionary<(string From, string To), string> KnownUpward = new();

    private static readonly Lazy<NamespaceDependencies> Library = new(() => new NamespaceDependencies(typeof(PipelineRunner).Assembly, Root));

    [Fact]
    public void Library_FoldersDependOnlyDownward_ExceptTheKnownUpwardEdges()
    {
        var folders = FolderEdges();
        foreach (var (from, targets) in folders.OrderBy(f => f.Key, StringComparer.Ordinal))
            output.WriteLine($"{from} → {string.Join(", ", targets.Keys.Order(StringComparer.Ordinal))}");
        foreach (var cycle in Cycles(folders.ToDictionary(f => f.Key, f => f.Value.Keys.ToList())))
            output.WriteLine($"cycle: {string.Join(" → ", cycle)} → {cycle[0]}");

        var unplaced = folders.Keys.Concat(folders.Values.SelectMany(t => t.Keys)).Distinct().Where(f => !Layer.ContainsKey(f)).ToList();
        Assert.True(unplaced.Count == 0, $"folders without a layer in this test (place them): {string.Join(", ", unplaced)}");

        var upward = folders.SelectMany(f => f.Value.Where(t => Layer[t.Key] >= Layer[f.Key]).Select(t => (From: f.Key, To: t.Key, Example: t.Value))).ToList();
        var unexpected = upward.Where(u => !KnownUpward.ContainsKey((u.From, u.To))).Select(u => $"{u.From} → {u.To} ({u.Example})").ToList();
        Assert.True(unexpected.Count == 0, $"folders that depend upward or sideways: {string.Join("; ", unexpected)}");
        var gone = KnownUpward.Keys.Where(k => !upward.Any(u => (u.From, u.To) == k)).Select(k => $"{k.From} → {k.To}").ToList();
        Assert.True(gone.Count == 0, $"no longer upward, remove from KnownUpward: {string.Join("; ", gone)}");
    }

    [Fact]
    public void Library_NoCycleAmongNamespaces_ExceptThroughTheKnownUpwardEdges()
    {
        var graph = Library.Value.Edges.ToDictionary(e => e.Key,
            e => e.Value.Keys.Where(to => !KnownUpward.ContainsKey((Folder(e.Key), Folder(to)))).ToList(), StringComparer.Ordinal);
        var cycles = Cycles(graph);
        Assert.True(cycles.Count == 0, "namespace cycles: " + string.Join("; ", cycles.Select(c => string.Join(" → ", c) + " → " + c[0])));
    }

    [Fact]
    public void Library_ReferencesNeitherTheCliNorTheTools()
    {
        var references = typeof(PipelineRunner).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();
        Assert.DoesNotContain("classify", references);
        Assert.DoesNotContain("ClassifyPipeline.Tools", references);
        Assert.Contains("ClassifyPipeline", typeof(ClassifyPipeline.Cli.CliApp).Assembly.GetReferencedAssemblies().Select(a => a.Name));
    }

    [Fact]
    public void NamespaceDependencies_UseInsideAMethodBodyOnly_Found()
    {
        // the reader must see what signatures do not show: Dedup's GoldStories parses CSV with Ingest's CsvParser inside a method
        Assert.Contains("ClassifyPipeline.Ingest", Library.Value.Edges["ClassifyPipeline.Dedup.Evaluation"].Keys);
        Assert.False(Library.Value.Edges.ContainsKey("ClassifyPipeline.Articles"), "Articles/ is at the ground: it uses no other folder");
        Assert.Contains("ClassifyPipeline.Corpus", Library.Value.Edges["ClassifyPipeline.State"].Keys);
    }

    private static string Folder(string ns) => ns == Root ? "(root)" : ns[(Root.Length + 1)..].Split('.')[0];

    private static Dictionary<string, Dictionary<string, string>> FolderEdges()
    {
        var result = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (from, targets) in Library.Value.Edges)
        {
            foreach (var (to, example) in targets)
            {
                if (Folder(from) == Folder(to))
                    continue;
                var edges = result.TryGetValue(Folder(from), out var e) ? e : result[Folder(from)] = new Dictionary<string, string>(StringComparer.Ordinal);
                edges.TryAdd(Folder(to), example);
            }
        }
        return result;
    }

    /// <summary>The strongly connected components of more than one node (Tarjan), each in a stable order.</summary>
    private static List<List<string>> Cycles(Dictionary<string, List<string>> graph)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<List<string>>();
        foreach (var node in graph.Keys.Order(StringComparer.Ordinal))
            if (!index.ContainsKey(node))
                Visit(node);
        return result;

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in graph.GetValueOrDefault(node) ?? [])
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
            }
            if (low[node] != index[node])
                return;
            var component = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            }
            while (member != node);
            if (component.Count > 1)
                result.Add(component.Order(StringComparer.Ordinal).ToList());
        }
    }
}
