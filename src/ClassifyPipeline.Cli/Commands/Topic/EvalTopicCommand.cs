using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ClassifyPipeline.Classification.Topic;
using ClassifyPipeline.Cli.Hosting;
using ClassifyPipeline.Evaluation;
using ClassifyPipeline.IO;
using ClassifyPipeline.Reports;

namespace ClassifyPipeline.Cli.Commands.Topic;

/// <summary>
/// <c>classify eval topic &lt;labeled&gt;... (--model MODEL | --folds K | --holdout F)</c>: accuracy, macro-F1, per-class
/// precision/recall/F1 and the confusion matrix (single-label), micro- and macro-F1 (multi-label), on stdout; <c>--out</c>
/// also writes them as JSON.
/// </summary>
public static class EvalTopicCommand
{
    public static Command Create(CliContext context)
    {
        var cli = new TopicCli();
        var inputs = new Argument<string[]>("labeled") { Description = "Labeled data: .jsonl, .csv or a folder with one subfolder per label", Arity = ArgumentArity.OneOrMore };
        var modelPath = new Option<string?>("--model") { Description = "Evaluate this trained model" };
        var folds = new Option<int?>("--folds") { Description = "Cross-validate instead: train K models, each scored on the fold it did not see" };
        var repeats = new Option<int>("--repeats") { Description = "With --folds: repeat the cross-validation with seeds --seed, +1, +2, … and report each and their mean (1..100)", DefaultValueFactory = _ => 1 };
        var holdout = new Option<double?>("--holdout") { Description = "Train on the first part of the data (input order) and score the last fraction F" };
        var labeledOnly = new Option<bool>("--labeled-only") { Description = "Multi-label: leave out articles that carry none of the evaluated labels, in training and scoring (the standard ModApte-90 corpus); --holdout splits at the same place" };
        var output = new Option<string?>("--out") { Description = "Also write the metrics as JSON to this file" };
        var misses = new Option<string?>("--misses") { Description = "Single-label: write every misclassified article (each repeat's, with its seed) as JSON Lines to this file: seed, id, gold, predicted, score, title" };
        var command = new Command("topic", "Evaluate a topic model, or a training configuration by cross-validation or a held-out part")
        {
            inputs, modelPath, folds, repeats, holdout, labeledOnly, output, misses, cli.Labels, cli.LabelField,
        };
        cli.AddTraining(command);
        command.SetAction((parse, cancellationToken) => CommandRunner.Run(context, ct =>
        {
            var model = parse.GetValue(modelPath);
            var k = parse.GetValue(folds);
            var fraction = parse.GetValue(holdout);
            if ((model is null ? 0 : 1) + (k is null ? 0 : 1) + (fraction is null ? 0 : 1) != 1)
                throw new CliError(ExitCodes.Usage, "give exactly one of --model MODEL, --folds K or --holdout F");
            if (k is < 2 or > 50)
                throw new CliError(ExitCodes.Usage, $"--folds is {k}, outside 2..50");
            if (fraction is <= 0 or >= 1)
                throw new CliError(ExitCodes.Usage, $"--holdout is {fraction}, must be between 0 and 1");
            var repeatCount = parse.GetValue(repeats);
            if (repeatCount is < 1 or > 100)
                throw new CliError(ExitCodes.Usage, $"--repeats is {repeatCount}, outside 1..100");
            if (repeatCount > 1 && k is null)
                throw new CliError(ExitCodes.Usage, "--repeats needs --folds");
            var options = cli.Training(parse);
            var loaded = model is null ? null : TopicCli.LoadModel(model);
            var data = TopicCli.Read(parse.GetValue(inputs)!, parse.GetValue(cli.LabelField));
            var onlyLabeled = parse.GetValue(labeledOnly);
            var progress = TopicCli.Progress(context);
            var embeddings = TopicCli.EmbeddingCache(context, loaded?.Embeddings ?? options.Embeddings, parse.GetValue(cli.EmbeddingCacheFolder));
            var watch = Stopwatch.StartNew();
            string how;
            TopicMetrics metrics;
            IReadOnlyList<(int Seed, TopicMetrics Metrics)>? repeated = null;
            if (loaded is not null)
            {
                metrics = TopicCli.Checked(() => TopicEvaluator.Evaluate(loaded, data, ct, onlyLabeled, embeddings));
                how = $"model {model}" + (onlyLabeled ? ", labeled articles only" : "");
            }
            else if (k is { } foldCount)
            {
                repeated = TopicCli.Checked(() => TopicEvaluator.RepeatedCrossValidate(data, cli.LabelSet(parse), options, foldCount, repeatCount, progress, ct, onlyLabeled, embeddings));
                metrics = repeated[0].Metrics;
                how = $"{foldCount}-fold cross-validation{(onlyLabeled ? " of the labeled articles" : "")}, {options.Settings}";
                if (repeatCount == 1)
                    repeated = null;
                else
                    how = $"{repeatCount} × {how}";
            }
            else
            {
                metrics = TopicCli.Checked(() => TopicEvaluator.HoldOut(data, cli.LabelSet(parse), options, fraction!.Value, progress, ct, onlyLabeled, embeddings));
                how = $"held-out last {fraction!.Value.ToString(CultureInfo.InvariantCulture)} of the input{(onlyLabeled ? ", labeled articles only" : "")}, {options.Settings}";
            }
            ct.ThrowIfCancellationRequested();
            TopicCli.ReportEmbedding(context, embeddings);
            Print(context.Output, metrics, repeated is null ? how : how + "; the details below are the first repeat's", watch.Elapsed);
            if (parse.GetValue(misses) is { } missPath)
                AtomicFile.WriteText(missPath, w => WriteMisses(w, repeated ?? [(options.Seed, metrics)]));
            if (repeated is not null)
                PrintRepeats(context.Output, repeated);
            if (parse.GetValue(output) is { } path)
                AtomicFile.Write(path, stream => WriteJson(stream, metrics, how, repeated));
            return Task.FromResult(ExitCodes.Ok);
        }, cancellationToken));
        return command;
    }

    private static string F(double v) => v.ToString("F4", CultureInfo.InvariantCulture);

    /// <summary>A difference with its sign and four decimals; one that rounds to zero is +0.0000 (a custom format gave -+0.0000).</summary>
    internal static string Signed(double v)
    {
        var rounded = Math.Round(v, 4);
        return (rounded >= 0 ? "+" : "-") + F(Math.Abs(rounded));
    }

    internal static void Print(TextWriter w, TopicMetrics m, string how, TimeSpan elapsed)
    {
        w.WriteLine($"evaluated {m.Count:N0} articles ({how}) in {elapsed.TotalSeconds:F1} s");
        if (m.Accuracy is { } accuracy)
            w.WriteLine($"accuracy  {F(accuracy)}");
        w.WriteLine($"macro-F1  {F(m.MacroF1)}");
        w.WriteLine($"micro-F1  {F(m.MicroF1)}  (precision {F(m.MicroPrecision)}, recall {F(m.MicroRecall)})");
        w.WriteLine();
        var width = Math.Max(5, m.Labels.Max(l => l.Length));
        w.WriteLine($"{"label".PadRight(width)}  precision  recall     F1         support");
        foreach (var c in m.PerClass)
            w.WriteLine($"{c.Label.PadRight(width)}  {F(c.Precision)}     {F(c.Recall)}     {F(c.F1)}     {c.Support}");
        if (m.Confusion is { } confusion)
        {
            w.WriteLine();
            w.WriteLine("confusion matrix (rows: gold, columns: predicted)");
            w.WriteLine(new string(' ', width) + "  " + string.Join(" ", m.Labels.Select(l => Short(l).PadLeft(6))));
            for (var r = 0; r < confusion.Length; r++)
                w.WriteLine(m.Labels[r].PadRight(width) + "  " + string.Join(" ", confusion[r].Select(n => n.ToString(CultureInfo.InvariantCulture).PadLeft(6))));
        }
        if (m.Reliability is { } reliability)
            PrintReliability(w, reliability);
    }

    /// <summary>The reliability table of the top scores, the ECE and the share below the default minimum confidence.</summary>
    internal static void PrintReliability(TextWriter w, ReliabilityTable r)
    {
        w.WriteLine();
        w.WriteLine("reliability of the top score (is the top label right as often as its score says?)");
        w.WriteLine("score bin   articles  mean score  accuracy  gap");
        foreach (var b in r.Bins)
        {
            var bin = $"{b.Lower.ToString("F1", CultureInfo.InvariantCulture)}-{b.Upper.ToString("F1", CultureInfo.InvariantCulture)}";
            w.WriteLine(b.Count == 0
                ? $"{bin,-10}  {0,8}"
                : $"{bin,-10}  {b.Count,8}  {F(b.MeanScore)}      {F(b.Accuracy)}    {Signed(b.Accuracy - b.MeanScore)}");
        }
        w.WriteLine($"ECE (10 bins)  {F(r.ExpectedCalibrationError)}  (mean top score {F(r.MeanScore)}, top label right {F(r.Accuracy)})");
        w.WriteLine($"uncertain at minConfidence 0.5  {F(r.BelowConfidence(0.5))}  ({(r.BelowConfidence(0.5) * r.Count).ToString("F0", CultureInfo.InvariantCulture)} of {r.Count:N0})");
    }

    /// <summary>Each repeat's headline numbers, then their mean and sample standard deviation.</summary>
    internal static void PrintRepeats(TextWriter w, IReadOnlyList<(int Seed, TopicMetrics Metrics)> repeats)
    {
        w.WriteLine();
        w.WriteLine("repeat  seed  accuracy  macro-F1  micro-F1  ECE     uncertain");
        for (var r = 0; r < repeats.Count; r++)
        {
            var (seed, m) = repeats[r];
            w.WriteLine($"{r + 1,6}  {seed,4}  {(m.Accuracy is { } a ? F(a) : "  -   ")}    {F(m.MacroF1)}    {F(m.MicroF1)}    {(m.Reliability is { } rel ? F(rel.ExpectedCalibrationError) + "  " + F(rel.BelowConfidence(0.5)) : "-")}");
        }
        var summary = Summary(repeats);
        w.WriteLine($"mean over {repeats.Count} repeats: " + string.Join(", ", summary.Select(s => $"{s.Name} {F(s.Mean)} (sd {F(s.Sd)})")));
    }

    private static List<(string Name, double Mean, double Sd)> Summary(IReadOnlyList<(int Seed, TopicMetrics Metrics)> repeats)
    {
        var result = new List<(string, double, double)>();
        if (repeats.All(r => r.Metrics.Accuracy is not null))
            result.Add(MeanSd("accuracy", repeats.Select(r => r.Metrics.Accuracy!.Value)));
        result.Add(MeanSd("macro-F1", repeats.Select(r => r.Metrics.MacroF1)));
        result.Add(MeanSd("micro-F1", repeats.Select(r => r.Metrics.MicroF1)));
        if (repeats.All(r => r.Metrics.Reliability is not null))
        {
            result.Add(MeanSd("ECE", repeats.Select(r => r.Metrics.Reliability!.ExpectedCalibrationError)));
            result.Add(MeanSd("uncertain", repeats.Select(r => r.Metrics.Reliability!.BelowConfidence(0.5))));
        }
        return result;
    }

    private static (string, double, double) MeanSd(string name, IEnumerable<double> values)
    {
        var summary = ScoreSummary.Of(name, values.ToArray());
        return (name, summary.Mean, summary.StandardDeviation);
    }

    /// <summary>One JSON line per misclassified article and repeat.</summary>
    internal static void WriteMisses(TextWriter w, IReadOnlyList<(int Seed, TopicMetrics Metrics)> repeats)
    {
        foreach (var (seed, m) in repeats)
        {
            foreach (var miss in m.Misses)
            {
                using var buffer = new MemoryStream();
                using (var json = new Utf8JsonWriter(buffer))
                {
                    json.WriteStartObject();
                    json.WriteNumber("seed", seed);
                    json.WriteString("id", miss.Id);
                    json.WriteString("gold", miss.Gold);
                    json.WriteString("predicted", miss.Predicted);
                    json.WriteNumber("score", Math.Round(miss.Score, 4));
                    json.WriteString("title", miss.Title);
                    json.WriteEndObject();
                }
                w.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            }
        }
    }

    private static string Short(string label) => label.Length <= 6 ? label : label[..6];

    private static void WriteJson(Stream stream, TopicMetrics m, string how, IReadOnlyList<(int Seed, TopicMetrics Metrics)>? repeats)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("evaluation", how);
        w.WriteBoolean("multiLabel", m.MultiLabel);
        w.WriteNumber("count", m.Count);
        if (m.Accuracy is { } accuracy)
            w.WriteNumber("accuracy", Math.Round(accuracy, 6));
        w.WriteNumber("macroF1", Math.Round(m.MacroF1, 6));
        w.WriteNumber("microF1", Math.Round(m.MicroF1, 6));
        w.WriteNumber("microPrecision", Math.Round(m.MicroPrecision, 6));
        w.WriteNumber("microRecall", Math.Round(m.MicroRecall, 6));
        w.WriteStartArray("perClass");
        foreach (var c in m.PerClass)
        {
            w.WriteStartObject();
            w.WriteString("label", c.Label);
            w.WriteNumber("precision", Math.Round(c.Precision, 6));
            w.WriteNumber("recall", Math.Round(c.Recall, 6));
            w.WriteNumber("f1", Math.Round(c.F1, 6));
            w.WriteNumber("support", c.Support);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (m.Reliability is { } reliability)
        {
            w.WriteNumber("ece", Math.Round(reliability.ExpectedCalibrationError, 6));
            w.WriteNumber("uncertainAt05", Math.Round(reliability.BelowConfidence(0.5), 6));
            w.WriteStartArray("reliability");
            foreach (var b in reliability.Bins)
            {
                w.WriteStartObject();
                w.WriteNumber("lower", b.Lower);
                w.WriteNumber("upper", b.Upper);
                w.WriteNumber("count", b.Count);
                w.WriteNumber("meanScore", Math.Round(b.MeanScore, 6));
                w.WriteNumber("accuracy", Math.Round(b.Accuracy, 6));
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (m.Confusion is { } confusion)
        {
            w.WriteStartArray("labels");
            foreach (var l in m.Labels)
                w.WriteStringValue(l);
            w.WriteEndArray();
            w.WriteStartArray("confusion");
            foreach (var row in confusion)
            {
                w.WriteStartArray();
                foreach (var n in row)
                    w.WriteNumberValue(n);
                w.WriteEndArray();
            }
            w.WriteEndArray();
        }
        if (repeats is not null)
        {
            w.WriteStartArray("repeats");
            foreach (var (seed, r) in repeats)
            {
                w.WriteStartObject();
                w.WriteNumber("seed", seed);
                if (r.Accuracy is { } a)
                    w.WriteNumber("accuracy", Math.Round(a, 6));
                w.WriteNumber("macroF1", Math.Round(r.MacroF1, 6));
                w.WriteNumber("microF1", Math.Round(r.MicroF1, 6));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("mean");
            foreach (var (name, mean, sd) in Summary(repeats))
            {
                w.WriteStartObject(name);
                w.WriteNumber("mean", Math.Round(mean, 6));
                w.WriteNumber("sd", Math.Round(sd, 6));
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }
}
