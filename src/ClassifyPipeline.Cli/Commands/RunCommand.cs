using System.CommandLine;
using ClassifyPipeline.Cli.Commands.Stance;
using ClassifyPipeline.Cli.Configuration;
using ClassifyPipeline.Cli.Hosting;
using ClassifyPipeline.Ingest;
using ClassifyPipeline.Pipeline;
using ClassifyPipeline.Reports;

namespace ClassifyPipeline.Cli.Commands;

/// <summary><c>classify run &lt;input&gt;... [--out DIR] [--config FILE]</c>: the whole pipeline, written into a run folder.</summary>
public static class RunCommand
{
    public const string DefaultConfigFile = "pipeline.json";

    public static Command Create(CliContext context)
    {
        var inputs = new Argument<string[]>("input") { Description = "Files, folders or glob patterns (.txt, .jsonl, .csv)", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "The run folder to write", DefaultValueFactory = _ => "out" };
        var config = new Option<string?>("--config") { Description = $"The configuration file (default: ./{DefaultConfigFile} when present, else built-in defaults)" };
        var command = new Command("run", "Run the whole pipeline over the inputs and write articles.jsonl, stories.jsonl, rejected.jsonl, report.md, report.html and run.json")
        {
            inputs, output, config,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.Run(context, ct =>
            Execute(context, parse.GetValue(inputs)!, parse.GetValue(output)!, parse.GetValue(config), ct), cancellationToken));
        return command;
    }

    private static Task<int> Execute(CliContext context, string[] inputs, string outDir, string? configPath, CancellationToken cancellationToken)
    {
        var logger = context.LoggerFactory.CreateLogger("ClassifyPipeline.Run");
        var options = LoadOptions(configPath);
        var ingestor = new ArticleIngestor(options.Ingest);
        var (files, inputErrors) = InputResolver.Resolve(inputs, ingestor.Handles);
        if (inputErrors.Count > 0)
            throw new CliError(ExitCodes.Input, string.Join("; ", inputErrors));

        var startedAt = context.Time.GetUtcNow();
        var stances = StanceCommandSupport.DefaultModel(context, options.Stance, logger, cancellationToken);
        var runner = new PipelineRunner(options, logger, context.Time, stances: stances);
        var result = runner.Run(files, new StderrProgress(context.Error, context.Time), cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        RunFolderWriter.Write(outDir, result, files, options, startedAt, context.Time.GetUtcNow());

        context.Output.WriteLine(Path.GetFullPath(outDir));
        context.Error.WriteLine($"{result.Articles.Count} articles, {result.Stories.Count} stories, {result.Rejections.Count} rejected → {outDir}");
        return Task.FromResult(ExitCodes.Ok);
    }

    internal static PipelineOptions LoadOptions(string? configPath)
    {
        if (configPath is not null)
        {
            if (!File.Exists(configPath))
                throw new CliError(ExitCodes.Configuration, $"configuration file not found: '{configPath}'");
            return ConfigLoader.Load(configPath);
        }
        return File.Exists(DefaultConfigFile) ? ConfigLoader.Load(DefaultConfigFile) : new PipelineOptions();
    }
}
