using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ClassifyPipeline.Classification.Topic;
using ClassifyPipeline.Cli.Hosting;
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
        var holdout = new Option<double?>("--holdout") { Description = "Train on the first part of the data (input order) and score the last fraction F" };
        var labeledOnly = new Option<bool>("--labeled-only") { Description = "Multi-label: leave out articles that carry none of the evaluated labels, in training and scoring (the standard ModApte-90 corpus); --holdout splits at the same place" };
        var output = new Option<string?>("--out") { Description = "Also write the metrics as JSON to this file" };
        var command = new Command("topic", "Evaluate a topic model, or a training configuration by cross-validation or a held-out part")
        {
            inputs, modelPath, folds, holdout, labeledOnly, output, cli.Labels, cli.LabelField,
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
            var options = cli.Training(parse);
            var loaded = model is null ? null : TopicCli.LoadModel(model);
            var data = TopicCli.Read(parse.GetValue(inputs)!, parse.GetValue(cli.LabelField));
            var onlyLabeled = parse.GetValue(labeledOnly);
            var progress = TopicCli.Progress(context);
            var watch = Stopwatch.StartNew();
            string how;
            TopicMetrics metrics;
            if (loaded is not null)
            {
                metrics = TopicCli.Checked(() => TopicEvaluator.Evaluate(loaded, data, ct, onlyLabeled));
                how = $"model {model}" + (onlyLabeled ? ", labeled articles only" : "");
            }
            else if (k is { } foldCount)
            {
                metrics = TopicCli.Checked(() => TopicEvaluator.CrossValidate(data, cli.LabelSet(parse), options, foldCount, progress, ct, onlyLabeled));
                how = $"{foldCount}-fold cross-validation{(onlyLabeled ? " of the labeled articles" : "")}, {options.Settings}";
            }
            else
            {
                metrics = TopicCli.Checked(() => TopicEvaluator.HoldOut(data, cli.LabelSet(parse), options, fraction!.Value, progress, ct, onlyLabeled));
                how = $"held-out last {fraction!.Value.ToString(CultureInfo.InvariantCulture)} of the input{(onlyLabeled ? ", labeled articles only" : "")}, {options.Settings}";
            }
            ct.ThrowIfCancellationRequested();
            Print(context.Output, metrics, how, watch.Elapsed);
            if (parse.GetValue(output) is { } path)
                AtomicFile.Write(path, stream => WriteJson(stream, metrics, how));
            return Task.FromResult(ExitCodes.Ok);
        }, cancellationToken));
        return command;
    }

    private static string F(double v) => v.ToString("F4", CultureInfo.InvariantCulture);

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
    }

    private static string Short(string label) => label.Length <= 6 ? label : label[..6];

    private static void WriteJson(Stream stream, TopicMetrics m, string how)
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
        w.WriteEndObject();
    }
}
