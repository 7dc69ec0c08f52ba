using System.CommandLine;
using System.Text.Json;
using System.Text.Encodings.Web;
using ClassifyPipeline.Cli.Hosting;
using ClassifyPipeline.Ingest;
using ClassifyPipeline.IO;
using ClassifyPipeline.Reports;
using ClassifyPipeline.Text;

namespace ClassifyPipeline.Cli.Commands.Topic;

/// <summary><c>classify predict topic &lt;input&gt;... --model MODEL --out FILE</c>: one JSON line per article, in input order.</summary>
public static class PredictTopicCommand
{
    private static readonly JsonWriterOptions LineOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliContext context)
    {
        var inputs = new Argument<string[]>("input") { Description = "Files, folders or glob patterns (.txt, .jsonl, .csv)", Arity = ArgumentArity.OneOrMore };
        var modelPath = new Option<string>("--model") { Description = "A model written by 'classify train topic'", Required = true };
        var output = new Option<string>("--out") { Description = "The JSON Lines file to write: {\"id\", \"label\", \"labels\", \"score\"} per article", Required = true };
        var minConfidence = new Option<double>("--min-confidence") { Description = "A top label scoring below this is reported as uncertain (label null)", DefaultValueFactory = _ => 0.5 };
        var cacheFolder = TopicCli.EmbeddingCacheOption();
        var command = new Command("topic", "Predict the topic of every article")
        {
            inputs, modelPath, output, minConfidence, cacheFolder,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.Run(context, ct =>
        {
            var threshold = parse.GetValue(minConfidence);
            if (threshold is < 0 or > 1)
                throw new CliError(ExitCodes.Usage, $"--min-confidence is {threshold}, outside 0..1");
            var model = TopicCli.LoadModel(parse.GetValue(modelPath)!);
            var ingestor = new ArticleIngestor(new IngestOptions());
            var (files, errors) = InputResolver.Resolve(parse.GetValue(inputs)!, ingestor.Handles);
            if (errors.Count > 0)
                throw new CliError(ExitCodes.Input, string.Join("; ", errors));
            var ingest = ingestor.Ingest(files, null, ct);
            foreach (var r in ingest.Rejections)
                context.Error.WriteLine($"rejected {r.Input} {r.Location}: {r.Reason}");
            var cleaner = new ArticleCleaner(model.Clean); // the chain the model was trained with
            var clean = ingest.Articles.Select(cleaner.Clean).ToList();
            var embeddings = TopicCli.EmbeddingCache(context, model.Embeddings, parse.GetValue(cacheFolder));
            var predictions = model.Predict(clean, threshold, ct, embeddings);
            TopicCli.ReportEmbedding(context, embeddings);
            ct.ThrowIfCancellationRequested();
            var path = parse.GetValue(output)!;
            AtomicFile.Write(path, stream =>
            {
                for (var i = 0; i < clean.Count; i++)
                {
                    using (var w = new Utf8JsonWriter(stream, LineOptions))
                    {
                        var p = predictions[i];
                        w.WriteStartObject();
                        w.WriteString("id", clean[i].Id);
                        w.WriteString("label", p.Label);
                        w.WriteStartArray("labels");
                        foreach (var l in p.Labels)
                        {
                            w.WriteStartObject();
                            w.WriteString("label", l.Label);
                            w.WriteNumber("score", Math.Round(l.Score, 4));
                            w.WriteEndObject();
                        }
                        w.WriteEndArray();
                        w.WriteNumber("score", Math.Round(p.Score, 4));
                        w.WriteEndObject();
                    }
                    stream.WriteByte((byte)'\n');
                }
            });
            context.Output.WriteLine(Path.GetFullPath(path));
            context.Error.WriteLine($"{clean.Count:N0} articles labeled ({predictions.Count(p => p.Label is null)} uncertain), {ingest.Rejections.Count} rejected → {path}");
            return Task.FromResult(ExitCodes.Ok);
        }, cancellationToken));
        return command;
    }
}
