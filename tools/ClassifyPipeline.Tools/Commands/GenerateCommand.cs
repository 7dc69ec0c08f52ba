using System.CommandLine;
using System.Text.Json;
using ClassifyPipeline.Articles;
using ClassifyPipeline.Classification.Stance;
using ClassifyPipeline.Cli.Hosting;
using ClassifyPipeline.IO;
using ClassifyPipeline.Tools.Corpus;

namespace ClassifyPipeline.Tools.Commands;

/// <summary><c>generate corpus|fnc1</c>: builds input corpora for dedup evaluation and benchmarks.</summary>
public static class GenerateCommand
{
    public static Command Create(CliContext context) =>
        new("generate", "Build input corpora for near-duplicate evaluation and benchmarks")
        {
            Fnc1(context),
            Corpus(context),
        };

    private static Command Corpus(CliContext context)
    {
        var sources = new Argument<string[]>("sources") { Description = "JSONL files of real articles (a 'text' field) whose sentences are reused", Arity = ArgumentArity.OneOrMore };
        var size = new Option<int>("--size") { Description = "How many articles to generate", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 1 };
        var days = new Option<double?>("--days") { Description = "Spread the articles evenly over this many days (default: 30 s apart)" };
        var files = new Option<int>("--files") { Description = "Write this many files of consecutive articles: --out then names a folder of part-NN.jsonl, labels in <folder>.gold.csv", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "The JSONL file to write (a folder with --files > 1); the gold labels go beside it as <name>.gold.csv (id,story,duplicateOf)", Required = true };
        var command = new Command("corpus", "Generate a large corpus with known stories and duplicates from real sentences (deterministic for a seed)") { sources, size, seed, days, files, output };
        command.SetAction((parse, ct) => CommandRunner.Run(context, _ =>
        {
            var n = parse.GetValue(size);
            if (n < 1)
                throw new CliError(ExitCodes.Usage, "--size must be at least 1");
            var fileCount = parse.GetValue(files);
            if (fileCount < 1 || fileCount > n)
                throw new CliError(ExitCodes.Usage, $"--files must be between 1 and --size ({n})");
            var spread = parse.GetValue(days);
            if (spread is { } d && !(d > 0 && d <= 36500))
                throw new CliError(ExitCodes.Usage, "--days must be more than 0 and at most 36500");
            ScaleCorpus corpus;
            try
            {
                corpus = new ScaleCorpus(ReadTexts(parse.GetValue(sources)!));
            }
            catch (ArgumentException e)
            {
                throw new CliError(ExitCodes.Input, e.Message);
            }
            CorpusFiles written;
            try
            {
                written = CorpusWriter.Write(corpus.Generate(n, parse.GetValue(seed), spread), n, parse.GetValue(output)!, fileCount);
            }
            catch (IOException e)
            {
                throw new CliError(ExitCodes.Input, e.Message);
            }
            var where = written.Parts.Count == 1 ? written.Parts[0] : $"{written.Parts.Count} files in {Path.GetDirectoryName(written.Parts[0])}";
            context.Error.WriteLine($"{n} articles → {where}, labels → {written.Gold}");
            return Task.FromResult(ExitCodes.Ok);
        }, ct));
        return command;
    }

    private static List<string> ReadTexts(string[] paths)
    {
        var texts = new List<string>();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
                throw new CliError(ExitCodes.Input, $"file not found: '{path}'");
            var line = 0;
            foreach (var text in File.ReadLines(path))
            {
                line++;
                try
                {
                    using var doc = JsonDocument.Parse(text);
                    if (doc.RootElement.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
                        texts.Add(t.GetString()!);
                }
                catch (JsonException e)
                {
                    throw new CliError(ExitCodes.Input, $"{path} line {line}: not JSON ({e.Message})");
                }
            }
        }
        return texts;
    }

    private static Command Fnc1(CliContext context)
    {
        var input = new Argument<string>("bodies") { Description = "FNC-1 train_bodies.csv (Body ID,articleBody)" };
        var output = new Option<string>("--out") { Description = "The JSONL file to write", Required = true };
        var command = new Command("fnc1", "Convert FNC-1 bodies to input JSONL (id = Body ID, text = articleBody)") { input, output };
        command.SetAction((parse, ct) => CommandRunner.Run(context, _ =>
        {
            var path = parse.GetValue(input)!;
            if (!File.Exists(path))
                throw new CliError(ExitCodes.Input, $"file not found: '{path}'");
            List<Article> articles;
            try
            {
                using var reader = new StreamReader(path);
                articles = Fnc1Reader.ReadBodyArticles(reader, path);
            }
            catch (Fnc1FormatException e)
            {
                throw new CliError(ExitCodes.Input, e.Message);
            }
            var outPath = parse.GetValue(output)!;
            AtomicFile.Write(outPath, s => ArticleJsonl.Write(s, articles));
            context.Error.WriteLine($"{articles.Count} articles → {outPath}");
            return Task.FromResult(ExitCodes.Ok);
        }, ct));
        return command;
    }
}
