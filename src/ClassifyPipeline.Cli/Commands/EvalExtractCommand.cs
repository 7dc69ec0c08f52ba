using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ClassifyPipeline.Cli.Hosting;
using ClassifyPipeline.Extraction;
using ClassifyPipeline.Extraction.Evaluation;
using ClassifyPipeline.IO;
using ClassifyPipeline.Pipeline;
using ClassifyPipeline.Text;

namespace ClassifyPipeline.Cli.Commands;

/// <summary>
/// <c>classify eval extract &lt;pages folder&gt; [--expected FILE] [--details FILE] [--config FILE]</c>: extracts every
/// labeled page (<c>&lt;page&gt;.html</c> or <c>.html.gz</c>) as <c>classify extract</c> does and scores body text
/// (4-word shingles), publication day, title, author, source and language against <c>expected.jsonl</c>.
/// </summary>
public static class EvalExtractCommand
{
    public static Command Create(CliContext context)
    {
        var folder = new Argument<string>("pages") { Description = "A folder of labeled pages: <page>.html or <page>.html.gz" };
        var expected = new Option<string?>("--expected") { Description = "The labels, one JSON object per page (default: expected.jsonl in the folder)" };
        var details = new Option<string?>("--details") { Description = "Also write each page's scores to this JSON Lines file" };
        var config = new Option<string?>("--config") { Description = $"The configuration file (default: ./{RunCommand.DefaultConfigFile} when present); its clean section applies" };
        var command = new Command("extract", "Score text and metadata extraction on labeled pages: body-text shingle precision/recall/F1, date precision/recall/F1, title/author/source agreement")
        {
            folder, expected, details, config,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.Run(context, ct =>
            Execute(context, parse.GetValue(folder)!, parse.GetValue(expected), parse.GetValue(details), parse.GetValue(config), ct), cancellationToken));
        return command;
    }

    private static Task<int> Execute(CliContext context, string folder, string? expectedPath, string? detailsPath, string? configPath, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
            throw new CliError(ExitCodes.Input, $"page folder not found: '{folder}'");
        expectedPath ??= Path.Combine(folder, "expected.jsonl");
        if (!File.Exists(expectedPath))
            throw new CliError(ExitCodes.Input, $"labels not found: '{expectedPath}'");
        var options = RunCommand.LoadOptions(configPath);

        List<ExpectedPage> labels;
        try
        {
            using var reader = new StreamReader(expectedPath);
            labels = ExpectedPagesReader.Read(reader, expectedPath);
        }
        catch (InvalidDataException e)
        {
            throw new CliError(ExitCodes.Input, e.Message);
        }
        var missing = labels.Where(p => PageFile(folder, p.Page) is null).Select(p => p.Page).ToList();
        if (missing.Count > 0)
            throw new CliError(ExitCodes.Input, $"{missing.Count} labeled pages have no file in '{folder}' (<page>.html or <page>.html.gz): {string.Join(", ", missing.Take(5))}");

        var extractor = new ArticleExtractor(options.Ingest, options.Clean, context.Time);
        var progress = new StderrProgress(context.Error, context.Time);
        var pairs = new List<(ExpectedPage, CleanArticle?)>(labels.Count);
        foreach (var label in labels)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (article, _) = extractor.ExtractPage(PageFile(folder, label.Page)!, cancellationToken);
            pairs.Add((label, article));
            progress.Report(new RunProgress("extract", pairs.Count, labels.Count));
        }
        var (s, pages) = ExtractionEvaluator.Evaluate(pairs);
        if (detailsPath is not null)
            AtomicFile.WriteText(detailsPath, w =>
            {
                foreach (var p in pages)
                    w.WriteLine(JsonSerializer.Serialize(p));
            });

        var o = context.Output;
        o.WriteLine(F($"pages            {s.Pages} ({s.Empty} gave no text)"));
        o.WriteLine(F($"body text        precision {s.Body.Precision:F4}  recall {s.Body.Recall:F4}  F1 {s.Body.F1:F4}   (4-word shingles, multiset, each page weighs the same)"));
        o.WriteLine(Dates("date, all pages ", s.Dates));
        o.WriteLine(Dates("date, with a date", s.DatesExpected));
        o.WriteLine(Field("title", s.Title));
        o.WriteLine(Field("author", s.Author));
        o.WriteLine(Field("source", s.Source));
        o.WriteLine(Field("lang", s.Lang));
        return Task.FromResult(ExitCodes.Ok);
    }

    private static string? PageFile(string folder, string page) =>
        new[] { ".html", ".html.gz", ".htm", ".htm.gz" }.Select(ext => Path.Combine(folder, page + ext)).FirstOrDefault(File.Exists);

    private static string Dates(string name, DateScores d) =>
        F($"{name} precision {d.Precision:F4}  recall {d.Recall:F4}  F1 {d.F1:F4}   (exact day; {d.TruePositives} right, {d.FalsePositives} wrong or unexpected, {d.FalseNegatives} missed, {d.TrueNegatives} rightly none)");

    private static string Field(string name, FieldAgreement a) =>
        F($"{name,-16} exact {a.ExactRate:F4}  token F1 {a.TokenF1:F4}   ({a.Expected} pages expect one, {a.Found} of them found one)");

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
