namespace ClassifyPipeline.Reports;

/// <summary>
/// How much the human reports show, so that they stay readable and small at any corpus size (report.html under 5 MB at
/// a million articles); everything they leave out is in the JSON Lines outputs, and the reports say how much.
/// </summary>
public static class ReportLimits
{
    /// <summary>The largest stories, shown in full (their articles, duplicate chains).</summary>
    public const int FullStories = 50;

    /// <summary>Articles listed per story shown in full (the earliest ones; the rest counted).</summary>
    public const int ArticlesPerStory = 25;

    /// <summary>Rows of the story table (the largest stories, one line each).</summary>
    public const int TableStories = 5000;

    /// <summary>Threads shown with their timeline (those with the most stories).</summary>
    public const int Threads = 20;

    /// <summary>Stories listed per thread timeline.</summary>
    public const int StoriesPerThread = 30;

    /// <summary>Entries of each overview list, and of the first-to-report and re-publication tables.</summary>
    public const int Overview = 10;

    /// <summary>Rows of the first-to-report and who-re-published-whom tables.</summary>
    public const int Outlets = 20;

    /// <summary>Rejections listed (the rest counted; all are in rejected.jsonl).</summary>
    public const int Rejections = 200;

    /// <summary>A story grows by its articles published in this many days up to the run's latest published article.</summary>
    public const int GrowthDays = 2;
}
