using System.Globalization;
using ScottPlot;

namespace ClassifyPipeline.Reports;

/// <summary>
/// The report's charts, drawn with ScottPlot to PNG and returned as <c>data:</c> URIs so the page stays one
/// self-contained file. A chart with nothing to show is null: the page prints a "no data" note instead.
/// Labels taken from articles (topics, stances) are drawn into the image, never into the page's markup.
/// </summary>
public static class ReportCharts
{
    public const string Font = "DejaVu Sans";
    private const int Width = 800;
    private const int Height = 320;

    private static readonly string[] StanceOrder = ["agree", "disagree", "discuss", "unrelated"];

    private static readonly Color[] Palette =
    [
        Color.FromHex("#44AA77"), Color.FromHex("#CC4444"), Color.FromHex("#4477CC"), Color.FromHex("#AAAAAA"),
        Color.FromHex("#DDAA33"), Color.FromHex("#8855AA"), Color.FromHex("#33AAAA"), Color.FromHex("#885533"),
    ];

    /// <summary>Articles per published day (UTC). Null when no article has a date.</summary>
    public static string? CoverageOverTime(ReportModel model)
    {
        var days = model.Articles.Where(a => a.Published is not null)
            .GroupBy(a => a.Published!.Value.Date)
            .OrderBy(g => g.Key)
            .Select(g => (Day: g.Key, Count: g.Count()))
            .ToList();
        if (days.Count == 0)
            return null;
        var first = days[0].Day;
        var span = days[^1].Day.DayNumber - first.DayNumber + 1;
        var counts = new double[span];
        foreach (var (day, count) in days)
            counts[day.DayNumber - first.DayNumber] = count;
        var labels = Enumerable.Range(0, span).Select(i => first.AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray();
        return BarChart("Coverage over time", "articles per day (UTC)", counts, labels, Palette[2]);
    }

    /// <summary>How many similarity edges fall in each cosine band of 0.05. Null when no two articles matched.</summary>
    public static string? SimilarityDistribution(ReportModel model)
    {
        const int bins = 20;
        var counts = new double[bins];
        var any = false;
        foreach (var story in model.Stories)
        {
            foreach (var e in story.Edges)
            {
                counts[Math.Clamp((int)(e.Cosine * bins), 0, bins - 1)]++;
                any = true;
            }
        }
        if (!any)
            return null;
        var labels = Enumerable.Range(0, bins).Select(i => (i / (double)bins).ToString("0.00", CultureInfo.InvariantCulture)).ToArray();
        return BarChart("Similarity of matched pairs", "pairs per cosine band", counts, labels, Palette[0]);
    }

    /// <summary>Articles per topic label. Null when no article has a topic.</summary>
    public static string? Topics(ReportModel model)
    {
        var topics = model.Articles.Where(a => a.Topic is not null)
            .GroupBy(a => a.Topic!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(25)
            .ToList();
        if (topics.Count == 0)
            return null;
        return BarChart("Topics", "articles", topics.Select(g => (double)g.Count()).ToArray(), topics.Select(g => Short(g.Key)).ToArray(), Palette[4]);
    }

    /// <summary>Stacked stance counts for the largest stories (numbered as in the report). Null when no article has a stance.</summary>
    public static string? StancePerStory(IReadOnlyList<StoryView> stories)
    {
        var shown = stories.Where(s => s.Articles.Any(a => a.Stance is not null)).Take(15).ToList();
        if (shown.Count == 0)
            return null;
        var stances = StanceOrder
            .Concat(shown.SelectMany(s => s.Articles).Select(a => a.Stance).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Where(st => shown.Any(s => s.Articles.Any(a => a.Stance == st)))
            .ToList();
        var plot = NewPlot("Stance per story", "articles");
        for (var x = 0; x < shown.Count; x++)
        {
            double bottom = 0;
            for (var k = 0; k < stances.Count; k++)
            {
                var count = shown[x].Articles.Count(a => a.Stance == stances[k]);
                if (count == 0)
                    continue;
                plot.Add.Bar(new Bar { Position = x, ValueBase = bottom, Value = bottom + count, FillColor = Palette[k % Palette.Length] });
                bottom += count;
            }
        }
        for (var k = 0; k < stances.Count; k++)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = Short(stances[k]), FillColor = Palette[k % Palette.Length] });
        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, shown.Count).Select(i => (double)i).ToArray(), shown.Select(s => $"#{s.Rank}").ToArray());
        plot.Axes.Margins(bottom: 0);
        return Png(plot);
    }

    /// <summary>
    /// The largest threads on one time axis: a row per thread (its first terms), a dot per story at its first date,
    /// sized by its articles, dots of a thread joined. Null when no thread of more than one story has a dated story.
    /// </summary>
    public static string? ThreadTimeline(IReadOnlyList<ReportThread> threads)
    {
        var shown = threads.Where(t => t.Stories.Count > 1 && t.Stories.Any(s => s.First is not null)).Take(10).ToList();
        if (shown.Count == 0)
            return null;
        var plot = NewPlot("Threads over time", "");
        var rows = new double[shown.Count];
        var labels = new string[shown.Count];
        for (var row = 0; row < shown.Count; row++)
        {
            var y = shown.Count - 1 - row;
            rows[row] = y;
            labels[row] = Short(string.Join(", ", shown[row].Terms.Take(2)));
            var color = Palette[row % Palette.Length];
            var dated = shown[row].Stories.Where(s => s.First is not null).ToList();
            var xs = dated.Select(s => s.First!.Value.UtcDateTime.ToOADate()).ToArray();
            if (xs.Length > 1)
            {
                var line = plot.Add.Scatter(xs, xs.Select(_ => (double)y).ToArray());
                line.Color = color.WithAlpha(0.5);
                line.LineWidth = 2;
                line.MarkerSize = 0;
            }
            for (var k = 0; k < dated.Count; k++)
            {
                var marker = plot.Add.Marker(xs[k], y);
                marker.Color = color;
                marker.Size = (float)Math.Min(30, 6 + 3 * Math.Sqrt(dated[k].Size));
            }
        }
        var axis = plot.Axes.DateTimeTicksBottom();
        if (axis.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic ticks)
            ticks.LabelFormatter = d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        plot.Axes.Left.SetTicks(rows, labels);
        plot.Axes.Margins(horizontal: 0.05, vertical: 0.15);
        return Png(plot);
    }

    private static string BarChart(string title, string yLabel, double[] values, string[] labels, Color color)
    {
        var plot = NewPlot(title, yLabel);
        var bars = plot.Add.Bars(values);
        bars.Color = color;
        var step = Math.Max(1, (int)Math.Ceiling(labels.Length / 12.0));
        var positions = new List<double>();
        var shown = new List<string>();
        for (var i = 0; i < labels.Length; i += step)
        {
            positions.Add(i);
            shown.Add(labels[i]);
        }
        plot.Axes.Bottom.SetTicks(positions.ToArray(), shown.ToArray());
        if (shown.Count * shown.Max(l => l.Length) > 60)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = 30;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
            plot.Axes.Bottom.MinimumSize = 80;
        }
        plot.Axes.Margins(bottom: 0);
        return Png(plot);
    }

    private static Plot NewPlot(string title, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(Font);
        plot.Title(title);
        plot.YLabel(yLabel);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        return plot;
    }

    private static string Png(Plot plot) =>
        "data:image/png;base64," + Convert.ToBase64String(plot.GetImageBytes(Width, Height, ImageFormat.Png));

    private static string Short(string label) => label.Length <= 24 ? label : label[..23] + "…";
}
