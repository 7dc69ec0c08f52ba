using ClassifyPipeline.Pipeline;
using ClassifyPipeline.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassifyPipeline.Tests.Dedup;

/// <summary>The seeds: one Syria peace-talks subject told in events of May 2013, February 2014, January 2016 and October 2016.</summary>
public sealed class SeedStoriesTests
{
    [Fact]
    public void Run_SeedsDatedYearsApart_NeverOneStory()
    {
        var files = Directory.GetFiles(RepoPaths.Seeds).Order(StringComparer.Ordinal).ToList();

        var run = new PipelineRunner(new PipelineOptions(), NullLogger.Instance).Run(files);

        var dated = run.Articles.Where(a => a.Article.Published is not null).ToList();
        Assert.True(dated.Select(a => a.Article.Published!.Value.Instant.Year).Distinct().Count() >= 3, "the seeds should carry dates of three years");
        foreach (var a in dated)
        {
            foreach (var b in dated)
            {
                if (Math.Abs((a.Article.Published!.Value.Instant - b.Article.Published!.Value.Instant).TotalDays) > new PipelineOptions().Dedup.WindowDays)
                    Assert.NotEqual(a.Dedup.StoryId, b.Dedup.StoryId);
            }
        }
    }
}
