using ClassifyPipeline.Text;
using System.CommandLine;
using ClassifyPipeline.Classification.Stance;
using ClassifyPipeline.Classification.Topic;
using ClassifyPipeline.Classification;
using ClassifyPipeline.Corpus;
using ClassifyPipeline.Cli.Commands.Stance;
using ClassifyPipeline.Cli.Commands.Topic;
using ClassifyPipeline.Cli.Configuration;
using ClassifyPipeline.Cli.Hosting;
using ClassifyPipeline.Cluster.Corpus;
using ClassifyPipeline.Cluster.Hosting;
using ClassifyPipeline.Ingest;
using ClassifyPipeline.Pipeline;
using ClassifyPipeline.Reports;
using ClassifyPipeline.State;
using Microsoft.Extensions.Logging;

namespace ClassifyPipeline.Cli.Commands;

/// <summary>
/// <c>classify run &lt;input&gt;... [--out DIR] [--config FILE] [--state DIR] [--cluster ADDRESS]</c>: the whole pipeline,
/// written into a run folder. With <c>--cluster</c> the corpus state and the batch's join live in the cluster, and
/// <c>--state</c> names the corpus there.
/// </summary>
public static class RunCommand
{
    public const string DefaultConfigFile = "pipeline.json";

    public static Command Create(CliContext context)
    {
        var inputs = new Argument<string[]>("input") { Description = $"Files, folders or glob patterns ({ArticleIngestor.KnownKinds})", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "The run folder to write", DefaultValueFactory = _ => "out" };
        var config = new Option<string?>("--config") { Description = $"The configuration file (default: ./{DefaultConfigFile} when present, else built-in defaults)" };
        var state = new Option<string?>("--state") { Description = "A state folder (created when missing): compare with earlier batches, keep story ids, grow corpus statistics; with --cluster, the corpus name in the cluster" };
        var command = new Command("run", "Run the whole pipeline over the inputs and write articles.jsonl, stories.jsonl, rejected.jsonl, report.md, report.html and run.json")
        {
            inputs, output, config, state,
        };
        var cluster = ClusterCli.ForRun(command);
        command.SetAction((parse, cancellationToken) => CommandRunner.Run(context, ct =>
            Execute(context, parse.GetValue(inputs)!, parse.GetValue(output)!, parse.GetValue(config), parse.GetValue(state), cluster.Read(parse), parse.GetValue(cluster.Parts), ct), cancellationToken));
        return command;
    }

    private static async Task<int> Execute(CliContext context, string[] inputs, string outDir, string? configPath, string? stateDir, ClusterConnectionOptions? cluster, int parts, CancellationToken cancellationToken)
    {
        var logger = context.LoggerFactory.CreateLogger("ClassifyPipeline.Run");
        var options = LoadOptions(configPath);
        var ingestor = new ArticleIngestor(options.Ingest);
        var (files, inputErrors) = InputResolver.Resolve(inputs, ingestor.Handles);
        if (inputErrors.Count > 0)
            throw new CliError(ExitCodes.Input, string.Join("; ", inputErrors));

        var topics = ResolveTopics(context, options.Topic, options.Clean, logger, cancellationToken);
        var stances = StanceCommandSupport.DefaultModel(context, options.Stance, logger, cancellationToken);
        var startedAt = context.Time.GetUtcNow();
        RunResult result;
        try
        {
            await using var connection = cluster is null ? null : await ClusterRun.Connect(context, cluster, stateDir, cancellationToken);
            using ICorpusState? store = connection is not null ? ClusterRun.State(connection, stateDir, parts, options, logger) : stateDir is null ? null : SqliteCorpusState.Open(stateDir, options.State);
            var runner = new PipelineRunner(options, logger, context.Time, topics, stances, store, (store as ClusterCorpusState)?.Joiner);
            result = runner.Run(files, new StderrProgress(context.Error, context.Time), cancellationToken);
        }
        catch (CorpusStateException e)
        {
            throw new CliError(ExitCodes.State, e.Message);
        }
        catch (InputChangedException e)
        {
            throw new CliError(ExitCodes.Input, e.Message);
        }
        cancellationToken.ThrowIfCancellationRequested();
        if (result.Articles.Count == 0)
            throw new CliError(ExitCodes.Input, NothingRead(result, outDir));
        RunFolderWriter.Write(outDir, result, files, options, startedAt, context.Time.GetUtcNow());

        context.Output.WriteLine(Path.GetFullPath(outDir));
        context.Error.WriteLine($"{result.Articles.Count} articles, {result.Stories.Count} stories, {result.Rejections.Count} rejected → {outDir}");
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The message of a run in which every input was rejected: no run folder is written (an empty one would read as
    /// a successful run of nothing), so the message names the first rejections; all are logged above it.
    /// </summary>
    private static string NothingRead(RunResult result, string outDir)
    {
        var first = result.Rejections.Take(3).Select(r => $"{r.Input}{(r.Location is null ? "" : " " + r.Location)}: {r.Reason}");
        var more = result.Rejections.Count > 3 ? $"; and {result.Rejections.Count - 3:N0} more (each logged above)" : "";
        return $"every input was rejected: no article could be read from {result.FilesRead:N0} file(s), {result.Rejections.Count:N0} rejection(s): "
            + string.Join("; ", first) + more + $". Nothing was written to '{outDir}'.";
    }

    /// <summary>The configured topic model, else the default one (trained on first use, cached), else null when its training data is missing.</summary>
    private static ITopicClassifier? ResolveTopics(CliContext context, TopicOptions options, CleanOptions clean, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            var model = DefaultTopicModel.Resolve(options, logger, TopicCli.Progress(context), cancellationToken, clean);
            return model is null ? null : new TopicClassifier(model, options.MinConfidence);
        }
        catch (Exception e) when (e is InvalidDataException or FileNotFoundException)
        {
            throw new CliError(ExitCodes.Model, e.Message);
        }
        catch (LabeledDataException e)
        {
            throw new CliError(ExitCodes.Input, $"topic.trainingData: {e.Message}");
        }
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
