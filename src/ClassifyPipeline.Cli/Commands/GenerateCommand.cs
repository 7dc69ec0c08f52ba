using System.CommandLine;
using ClassifyPipeline.Articles;
using ClassifyPipeline.Cli.Hosting;
using ClassifyPipeline.Dedup.Corpus;
using ClassifyPipeline.Reports;

namespace ClassifyPipeline.Cli.Commands;

/// <summary><c>classify generate ...</c>: builds input corpora for dedup evaluation and benchmarks.</summary>
public static class GenerateCommand
{
    public static Command Create(CliContext context) =>
        new("generate", "Build input corpora for near-duplicate evaluation and benchmarks")
        {
            Fnc1(context),
        };

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
                articles = Fnc1Bodies.Read(reader, path);
            }
            catch (InvalidDataException e)
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
