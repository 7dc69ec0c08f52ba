using System.Text.Json;
using ClassifyPipeline.Articles;
using ClassifyPipeline.Ingest;

namespace ClassifyPipeline.Classification.Topic;

/// <summary>
/// Reads labeled articles for training and evaluation: JSON Lines with <c>label</c> (one string) or <c>labels</c>
/// (an array of strings), CSV with a header holding <c>text</c> (or <c>body</c>) and <c>label</c> (optional
/// <c>title</c>, <c>id</c>; a <c>labels</c> column holds labels separated by <c>|</c>), or a folder with one
/// subfolder per label holding <c>.txt</c> files. Unlike the run's ingest, training data is all or nothing:
/// the first bad record is an error naming the file, the line and the reason.
/// </summary>
public static class LabeledDataReader
{
    /// <summary>Reads every input in order (files sorted within a folder). <paramref name="labelField"/> overrides the field name looked up (default: <c>label</c>, else <c>labels</c>).</summary>
    public static LabeledData Read(IReadOnlyList<string> inputs, string? labelField = null)
    {
        if (inputs.Count == 0)
            throw new LabeledDataException("no labeled input given");
        var articles = new List<LabeledArticle>();
        bool? multi = null;
        foreach (var input in inputs)
        {
            var (items, isMulti) = ReadOne(input, labelField);
            if (items.Count == 0)
                throw new LabeledDataException($"{input}: no labeled articles");
            if (multi is { } m && m != isMulti)
                throw new LabeledDataException($"{input}: mixes single-label and multi-label ('labels') data with the inputs before it");
            multi = isMulti;
            articles.AddRange(items);
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in articles)
        {
            if (!ids.Add(a.Article.Id))
                throw new LabeledDataException($"article id '{a.Article.Id}' occurs twice in the labeled input");
        }
        return new LabeledData(articles, multi ?? false);
    }

    private static (List<LabeledArticle> Items, bool MultiLabel) ReadOne(string input, string? labelField)
    {
        if (Directory.Exists(input))
            return (ReadFolder(input), false);
        if (!File.Exists(input))
            throw new LabeledDataException($"{input}: no such file or folder");
        var decoded = TextDecoder.Decode(File.ReadAllBytes(input));
        if (decoded.Text is null)
            throw new LabeledDataException($"{input}: {decoded.Error}");
        if (input.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || input.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase))
            return ReadJsonLines(input, decoded.Text, labelField);
        if (input.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            return ReadCsv(input, decoded.Text, labelField);
        throw new LabeledDataException($"{input}: not a labeled data file (expected .jsonl, .csv or a folder with one subfolder per label)");
    }

    private static (List<LabeledArticle>, bool) ReadJsonLines(string path, string content, string? labelField)
    {
        var result = new List<LabeledArticle>();
        bool? multi = null;
        var source = Path.GetFileNameWithoutExtension(path);
        using var reader = new StringReader(content);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var where = $"{path}: line {lineNumber}";
            using (var document = JsonRecord.ParseObject(line, out var parseError) ?? throw new LabeledDataException($"{where}: {parseError}"))
            {
                var root = document.RootElement;
                var (field, value) = FindLabel(root, labelField)
                    ?? throw new LabeledDataException(labelField is null
                        ? $"{where}: no 'label' or 'labels' field"
                        : $"{where}: no '{labelField}' field (the label field given)");
                var (labels, isMulti) = value.ValueKind switch
                {
                    JsonValueKind.String => ([value.GetString()!], false),
                    JsonValueKind.Array => (ArrayLabels(value, where, field), true),
                    _ => throw new LabeledDataException($"{where}: '{field}' must be a string or an array of strings, found {value.ValueKind}"),
                };
                if (multi is { } m && m != isMulti)
                    throw new LabeledDataException($"{where}: '{field}' is {(isMulti ? "a list" : "a single label")} but earlier lines were {(m ? "lists" : "single labels")}");
                multi = isMulti;
                var article = ToArticle(name => JsonRecord.Field(root, name), source, where);
                result.Add(new LabeledArticle(article, CheckLabels(labels, where)));
            }
        }
        return (result, multi ?? false);
    }

    private static (string Field, JsonElement Value)? FindLabel(JsonElement root, string? labelField)
    {
        foreach (var name in labelField is null ? ["label", "labels"] : new[] { labelField })
        {
            if (root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
                return (name, value);
        }
        return null;
    }

    private static string[] ArrayLabels(JsonElement array, string where, string field)
    {
        var labels = new string[array.GetArrayLength()];
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
                throw new LabeledDataException($"{where}: '{field}' holds a {item.ValueKind}, not a string label");
            labels[i++] = item.GetString()!;
        }
        return labels;
    }

    private static (List<LabeledArticle>, bool) ReadCsv(string path, string content, string? labelField)
    {
        var table = CsvTable.Open(content) ?? throw new LabeledDataException($"{path}: empty file: no CSV header");
        if (!table.HasTextColumn)
            throw new LabeledDataException($"{path}: line 1: {CsvTable.NoTextColumn}");
        var name = labelField ?? (table.Header.ContainsKey("label") ? "label" : table.Header.ContainsKey("labels") ? "labels" : null);
        if (name is null || !table.Header.TryGetValue(name, out var labelColumn))
            throw new LabeledDataException($"{path}: line 1: the CSV header has no '{labelField ?? "label"}' column");
        var multi = string.Equals(name, "labels", StringComparison.OrdinalIgnoreCase);

        var result = new List<LabeledArticle>();
        var source = Path.GetFileNameWithoutExtension(path);
        foreach (var record in table.Records())
        {
            var where = $"{path}: line {record.Line}";
            if (record.Error is { } error)
                throw new LabeledDataException($"{where}: {error}");
            var article = ToArticle(record.Field, source, where);
            var raw = record.Fields[labelColumn];
            string[] labels = multi
                ? raw.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                : [raw];
            result.Add(new LabeledArticle(article, CheckLabels(labels, where)));
        }
        return (result, multi);
    }

    private static List<LabeledArticle> ReadFolder(string folder)
    {
        var result = new List<LabeledArticle>();
        var subfolders = Directory.GetDirectories(folder).Order(StringComparer.Ordinal).ToArray();
        if (subfolders.Length == 0)
            throw new LabeledDataException($"{folder}: a labeled folder needs one subfolder per label holding .txt files; found no subfolders");
        foreach (var sub in subfolders)
        {
            var label = Path.GetFileName(sub);
            var files = Directory.GetFiles(sub, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
            if (files.Length == 0)
                throw new LabeledDataException($"{sub}: the class '{label}' has no samples (no .txt files)");
            foreach (var file in files)
            {
                var decoded = TextDecoder.Decode(File.ReadAllBytes(file));
                if (decoded.Text is null)
                    throw new LabeledDataException($"{file}: {decoded.Error}");
                if (string.IsNullOrWhiteSpace(decoded.Text))
                    throw new LabeledDataException($"{file}: empty file: no article text");
                var id = Path.GetRelativePath(folder, file).Replace('\\', '/');
                result.Add(new LabeledArticle(new Article(id, label, null, null, decoded.Text, null), [label]));
            }
        }
        return result;
    }

    private static Article ToArticle(Func<string, string?> field, string source, string where)
    {
        var (article, error) = RecordFields.ToArticle(field, source);
        return article ?? throw new LabeledDataException($"{where}: {error}");
    }

    private static string[] CheckLabels(IReadOnlyList<string> labels, string where)
    {
        var result = new string[labels.Count];
        for (var i = 0; i < labels.Count; i++)
        {
            var label = labels[i].Trim();
            if (label.Length == 0)
                throw new LabeledDataException($"{where}: empty label");
            result[i] = label;
        }
        return result.Distinct(StringComparer.Ordinal).ToArray();
    }
}
