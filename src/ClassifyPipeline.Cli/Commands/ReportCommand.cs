using System.CommandLine;
using ClassifyPipeline.Cli.Hosting;
using ClassifyPipeline.Reports;
using Microsoft.Extensions.Logging;

namespace ClassifyPipeline.Cli.Commands;

/// <summary><c>classify report &lt;run folder&gt;</c>: re-renders report.md and report.html from a finished run's JSON Lines.</summary>
public static partial class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var folder = new Argument<string>("run-folder") { Description = "A finished run folder (written by classify run; run.json marks it complete)" };
        var command = new Command("report", "Re-render report.md and report.html from a finished run folder's articles.jsonl, stories.jsonl and rejected.jsonl")
        {
            folder,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.Run(context, ct =>
            Execute(context, parse.GetValue(folder)!, ct), cancellationToken));
        return command;
    }

    private static Task<int> Execute(CliContext context, string folder, CancellationToken cancellationToken)
    {
        var logger = context.LoggerFactory.CreateLogger("ClassifyPipeline.Report");
        ReportModel model;
        try
        {
            model = RunFolderReader.Read(folder);
        }
        catch (RunFolderException e)
        {
            throw new CliError(ExitCodes.Input, e.Message);
        }
        cancellationToken.ThrowIfCancellationRequested();
        var start = context.Time.GetTimestamp();
        RunFolderWriter.WriteReports(folder, model);
        Rendered(logger, model.Articles.Count, model.Stories.Count, (long)context.Time.GetElapsedTime(start).TotalMilliseconds);
        context.Output.WriteLine(Path.GetFullPath(Path.Combine(folder, "report.html")));
        return Task.FromResult(ExitCodes.Ok);
    }

    [LoggerMessage(EventId = 600, Level = LogLevel.Information, Message = "Rendered the reports for {Articles} articles and {Stories} stories in {ElapsedMs} ms")]
    private static partial void Rendered(ILogger logger, int articles, int stories, long elapsedMs);
}
