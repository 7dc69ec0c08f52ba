using System.CommandLine;
using ClassifyPipeline.Articles;
using ClassifyPipeline.Classification.Stance;
using ClassifyPipeline.Cli.Hosting;
using ClassifyPipeline.Tools.Corpus;
using ClassifyPipeline.IO;
using ClassifyPipeline.Reports;

namespace ClassifyPipeline.Tools.Commands;

/// <summary><c>generate ...</c>: builds input corpora for dedup evaluation and benchmarks.</summary>
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
        var output = new Option<string>("--out") { Description = "The JSONL file to write; the gold labels go beside it as <name>.gold.csv (id,story,duplicateOf)", Required = true };
        var command = new Command("corpus", "Generate a large corpus with known stories and duplicates from real sentences (deterministic for a seed)") { sources, size, seed, output };
        command.SetAction((parse, ct) => CommandRunner.Run(context, _ =>
        {
            var n = parse.GetValue(size);
            if (n < 1)
                throw new CliError(ExitCodes.Usage, "--size must be at least 1");
            var texts = new List<string>();
            foreach (var path in parse.GetValue(sources)!)
            {
                if (!File.Exists(path))
                    throw new CliError(ExitCodes.Input, $"file not found: '{path}'");
                var line = 0;
                foreach (var text in File.ReadLines(path))
                {
                    line++;
                    try
                    {
                        using var doc = System.Text.Json.JsonDocument.Parse(text);
                        if (doc.RootElement.TryGetProperty("text", out var t) && t.ValueKind == System.Text.Json.JsonValueKind.String)
                            texts.Add(t.GetString()!);
                    }
                    catch (System.Text.Json.JsonException e)
                    {
                        throw new CliError(ExitCodes.Input, $"{path} line {line}: not JSON ({e.Message})");
                    }
                }
            }
            ScaleCorpus corpus;
            try
            {
                corpus = new ScaleCorpus(texts);
            }
            catch (ArgumentException e)
            {
                throw new CliError(ExitCodes.Input, e.Message);
            }
            var outPath = parse.GetValue(output)!;
            var goldPath = Path.ChangeExtension(outPath, null) + ".gold.csv";
            using (var gold = new StreamWriter(goldPath))
            {
                gold.WriteLine("id,story,duplicateOf");
                AtomicFile.Write(outPath, s => ArticleJsonl.Write(s, corpus.Generate(n, parse.GetValue(seed)).Select(g =>
                {
                    gold.WriteLine($"{g.Article.Id},{g.Story},{g.DuplicateOf}");
                    return g.Article;
                })));
            }
            context.Error.WriteLine($"{n} articles → {outPath}, labels → {goldPath}");
            return Task.FromResult(ExitCodes.Ok);
        }, ct));
        return command;
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
