using System.CommandLine;
using System.Diagnostics;
using ClassifyPipeline.Classification.Topic;
using ClassifyPipeline.Cli.Hosting;
using ClassifyPipeline.IO;
using ClassifyPipeline.Reports;

namespace ClassifyPipeline.Cli.Commands.Topic;

/// <summary><c>classify train topic &lt;labeled&gt;... --out MODEL</c>: trains a topic model and writes it atomically.</summary>
public static class TrainTopicCommand
{
    public static Command Create(CliContext context)
    {
        var cli = new TopicCli();
        var inputs = new Argument<string[]>("labeled") { Description = "Labeled data: .jsonl ('label' or 'labels'), .csv (text,label[,title]) or a folder with one subfolder per label", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "The model file to write", Required = true };
        var command = new Command("topic", "Train a topic model (single-label, or multi-label one-vs-rest when the data has 'labels' lists)")
        {
            inputs, output, cli.Labels, cli.LabelField,
        };
        cli.AddTraining(command);
        command.SetAction((parse, cancellationToken) => CommandRunner.Run(context, ct =>
        {
            var watch = Stopwatch.StartNew();
            var options = cli.Training(parse);
            var data = TopicCli.Read(parse.GetValue(inputs)!, parse.GetValue(cli.LabelField));
            var embeddings = TopicCli.EmbeddingCache(context, options.Embeddings, parse.GetValue(cli.EmbeddingCacheFolder));
            var model = TopicCli.Checked(() => new TopicEstimator(options, embeddings).Fit(data, cli.LabelSet(parse), TopicCli.Progress(context), ct));
            ct.ThrowIfCancellationRequested();
            TopicCli.ReportEmbedding(context, embeddings);
            var path = parse.GetValue(output)!;
            AtomicFile.Write(path, model.Save);
            context.Output.WriteLine(Path.GetFullPath(path));
            context.Error.WriteLine($"trained {(model.MultiLabel ? "multi-label" : "single-label")} {model.Trainer} on {data.Articles.Count:N0} articles, {model.Labels.Count} labels, {model.Vocabulary.Terms.Count:N0} terms in {watch.Elapsed.TotalSeconds:F1} s → {path}");
            return Task.FromResult(ExitCodes.Ok);
        }, cancellationToken));
        return command;
    }
}
