using System.Text.Json;
using System.Text.RegularExpressions;
using ClassifyPipeline.Tests.Support;

namespace ClassifyPipeline.Tests.Repository;

/// <summary>The documentation keeps up with the code: every configuration key documented, every link resolving, the README short.</summary>
public sealed partial class DocumentationTests
{
    private static string Docs => Path.Combine(RepoPaths.Root, "docs");

    [Fact]
    public void Configuration_EveryKeyOfPipelineJson_DocumentedInConfigurationMd()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "pipeline.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var keys = config.RootElement.EnumerateObject().SelectMany(section => section.Value.EnumerateObject().Select(key => $"{section.Name}.{key.Name}")).ToList();
        var page = File.ReadAllText(Path.Combine(Docs, "configuration.md"));

        Assert.True(keys.Count > 40, $"only {keys.Count} keys read");
        var missing = keys.Where(k => !page.Contains($"| `{k}` |", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"keys without a row in docs/configuration.md: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Links_InReadmeAndDocs_PointAtFilesAndHeadingsThatExist()
    {
        var pages = Directory.GetFiles(Docs, "*.md", SearchOption.AllDirectories).Append(Path.Combine(RepoPaths.Root, "README.md")).ToList();
        var broken = new List<string>();
        foreach (var page in pages)
        {
            foreach (Match link in Link().Matches(File.ReadAllText(page)))
            {
                var target = link.Groups["path"].Value;
                if (target.StartsWith("http", StringComparison.Ordinal))
                    continue;
                var file = target.Length == 0 ? page : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, target));
                var anchor = link.Groups["anchor"].Value;
                if (!File.Exists(file) && !Directory.Exists(file))
                    broken.Add($"{Path.GetRelativePath(RepoPaths.Root, page)}: {link.Value}");
                else if (anchor.Length > 0 && File.Exists(file) && !Heading().Matches(File.ReadAllText(file)).Any(h => Slug(h.Groups[1].Value) == anchor))
                    broken.Add($"{Path.GetRelativePath(RepoPaths.Root, page)}: {link.Value} (no such heading)");
            }
        }
        Assert.True(pages.Count >= 10, $"only {pages.Count} pages found");
        Assert.True(broken.Count == 0, "broken links: " + string.Join("; ", broken));
    }

    [Fact]
    public void Readme_StaysShort()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "README.md")).Length;
        Assert.True(lines <= 160, $"README.md has {lines} lines: move detail into docs/");
    }

    /// <summary>GitHub's heading anchor: lower case, punctuation dropped, spaces as hyphens.</summary>
    private static string Slug(string heading) =>
        Regex.Replace(heading.Trim().ToLowerInvariant(), @"[^\w\- ]", "").Replace(' ', '-');

    [GeneratedRegex(@"\]\((?<path>[^)#\s]*)(#(?<anchor>[^)\s]+))?\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^#+ (.*)$", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
