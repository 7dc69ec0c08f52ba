using System.CommandLine;
using ClassifyPipeline.Cli.Hosting;
using ClassifyPipeline.Extraction;
using ClassifyPipeline.Ingest;
using ClassifyPipeline.IO;
using ClassifyPipeline.Pipeline;
using ClassifyPipeline.Reports;
using ClassifyPipeline.Text;

namespace ClassifyPipeline.Cli.Commands;

/// <summary>
/// <c>classify extract &lt;input&gt;... [--out FILE.jsonl] [--config FILE]</c>: Ingest and Clean only, one JSON line per
/// article with its metadata and cleaned text (what trafilatura's JSON output gives), with the readers and cleaner of <c>run</c>.
/// </summary>
public static class ExtractCommand
{
    public static Command Create(CliContext context)
    {
        var inputs = new Argument<string[]>("input") { Description = $"Files, folders or glob patterns ({ArticleIngestor.KnownKinds})", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--out") { Description = "The JSON Lines file to write (default: stdout)" };
        var config = new Option<string?>("--config") { Description = $"The configuration file (default: ./{RunCommand.DefaultConfigFile} when present, else built-in defaults); its ingest and clean sections apply" };
        var command = new Command("extract", "Read and clean the inputs and write one JSON line per article: id, title, text, source, author, url, published, modified, lang, input")
        {
            inputs, output, config,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.Run(context, ct =>
            Execute(context, parse.GetValue(inputs)!, parse.GetValue(output), parse.GetValue(config), ct), cancellationToken));
        return command;
    }

    private static Task<int> Execute(CliContext context, string[] inputs, string? outPath, string? configPath, CancellationToken cancellationToken)
    {
        var options = RunCommand.LoadOptions(configPath);
        var (files, inputErrors) = InputResolver.Resolve(inputs, new ArticleIngestor(options.Ingest).Handles);
        if (inputErrors.Count > 0)
            throw new CliError(ExitCodes.Input, string.Join("; ", inputErrors));

        var extractor = new ArticleExtractor(options.Ingest, options.Clean, context.Time);
        var progress = new StderrProgress(context.Error, context.Time);
        var filesDone = new SynchronousProgress<int>(n => progress.Report(new RunProgress("extract", n, files.Count)));
        var articles = 0;
        var rejections = 0;
        void Each(Action<CleanArticle> write)
        {
            foreach (var (article, rejection) in extractor.Extract(files, filesDone, cancellationToken))
            {
                if (rejection is not null)
                {
                    rejections++;
                    context.Error.WriteLine($"rejected {rejection.Input}{(rejection.Location is null ? "" : " " + rejection.Location)}: {rejection.Reason}");
                    continue;
                }
                write(article!);
                articles++;
            }
        }

        if (outPath is null)
        {
            Each(article => context.Output.WriteLine(ExtractJsonlWriter.ToLine(article)));
        }
        else
        {
            AtomicFile.Write(outPath, stream =>
            {
                Each(article => ExtractJsonlWriter.WriteLine(stream, article));
                // a cancelled run leaves the earlier file in place: throwing here discards the temporary file
                cancellationToken.ThrowIfCancellationRequested();
            });
        }
        context.Error.WriteLine($"{articles} articles, {rejections} rejected{(outPath is null ? "" : " → " + outPath)}");
        if (articles == 0 && rejections > 0)
            throw new CliError(ExitCodes.Input, $"every input was rejected ({rejections}): no article to extract");
        return Task.FromResult(ExitCodes.Ok);
    }
}
