using ClassifyPipeline.Pipeline;

using ClassifyPipeline.IO;

namespace ClassifyPipeline.Reports;

/// <summary>
/// The Report stage: writes a run's outputs into a folder. Each file is written atomically, and
/// <c>run.json</c> last, so its presence marks a complete run.
/// </summary>
public static class RunFolderWriter
{
    public static readonly IReadOnlyList<string> Files = ["articles.jsonl", "stories.jsonl", "threads.jsonl", "rejected.jsonl", "report.md", "report.html", "run.json"];

    public static void Write(string folder, RunResult run, IReadOnlyList<string> inputs, PipelineOptions options, DateTimeOffset startedAt, DateTimeOffset finishedAt)
    {
        Directory.CreateDirectory(folder);
        var manifest = Path.Combine(folder, "run.json");
        if (File.Exists(manifest))
            File.Delete(manifest); // the folder is incomplete until the new run.json lands
        AtomicFile.Write(Path.Combine(folder, "articles.jsonl"), s => ArticlesJsonlWriter.Write(s, run.Articles));
        AtomicFile.Write(Path.Combine(folder, "stories.jsonl"), s => StoriesJsonlWriter.Write(s, run.Stories, run.Threads.ThreadOfStory));
        AtomicFile.Write(Path.Combine(folder, "threads.jsonl"), s => ThreadsJsonlWriter.Write(s, run.Threads.Threads));
        AtomicFile.Write(Path.Combine(folder, "rejected.jsonl"), s => RejectionsJsonlWriter.Write(s, run.Rejections));
        WriteReports(folder, ReportModel.FromRun(run));
        AtomicFile.Write(manifest, s => RunManifest.Write(s, run, inputs, options, startedAt, finishedAt));
    }

    /// <summary>Writes the human reports (report.md, report.html); <c>classify report</c> calls this alone to re-render a finished run.</summary>
    public static void WriteReports(string folder, ReportModel model)
    {
        AtomicFile.WriteText(Path.Combine(folder, "report.md"), w => MarkdownReport.Write(w, model));
        AtomicFile.WriteText(Path.Combine(folder, "report.html"), w => HtmlReport.Write(w, model));
    }
}
