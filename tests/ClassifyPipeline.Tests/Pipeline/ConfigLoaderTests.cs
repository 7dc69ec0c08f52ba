using ClassifyPipeline.Cli.Configuration;
using ClassifyPipeline.Pipeline;
using ClassifyPipeline.Tests.Support;
using ClassifyPipeline.Text;

namespace ClassifyPipeline.Tests.Pipeline;

public sealed class ConfigLoaderTests
{
    [Fact]
    public void Load_RepositoryPipelineJson_EqualsTheBuiltInDefaults()
    {
        var loaded = ConfigLoader.Load(Path.Combine(RepoPaths.Root, "pipeline.json"));
        var options = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(new PipelineOptions(), options), System.Text.Json.JsonSerializer.Serialize(loaded, options));
    }

    [Fact]
    public void Parse_ValidValues_AreBound()
    {
        var options = ConfigLoader.Parse("""{ "analysis": { "maxNGram": 2, "stemming": "english" }, "dedup": { "storyThreshold": 0.4 } }""", "test");
        Assert.Equal(2, options.Analysis.MaxNGram);
        Assert.Equal(Stemming.English, options.Analysis.Stemming);
        Assert.Equal(0.4, options.Dedup.StoryThreshold);
    }

    [Fact]
    public void Parse_EveryProblem_IsReportedAtOnceByKey()
    {
        var e = Assert.Throws<ConfigurationException>(() => ConfigLoader.Parse("""
            {
              "dedup": { "storyTreshold": 0.5, "duplicateThreshold": 1.5 },
              "analysis": { "maxNGram": "two", "stemming": "french" },
              "vectorise": {}
            }
            """, "pipeline.json"));
        Assert.Equal(5, e.Errors.Count);
        Assert.Contains("dedup.duplicateThreshold is 1.5, outside the allowed range 0..1", e.Errors);
        Assert.Contains(e.Errors, m => m.StartsWith("unknown key 'dedup.storyTreshold' (did you mean 'storyThreshold'?"));
        Assert.Contains(e.Errors, m => m.StartsWith("analysis.maxNGram has the wrong type: expected a whole number"));
        Assert.Contains(e.Errors, m => m.StartsWith("analysis.stemming has the wrong type: expected one of none, english"));
        Assert.Contains(e.Errors, m => m.StartsWith("unknown key 'vectorise' (did you mean 'vectorize'?"));
        Assert.Contains("pipeline.json", e.Message);
    }

    [Fact]
    public void Parse_DuplicateContainment_BoundNullOrReportedOutOfRange()
    {
        Assert.Equal(0.65, new PipelineOptions().Dedup.DuplicateContainment);
        Assert.Equal(0.8, ConfigLoader.Parse("""{ "dedup": { "duplicateContainment": 0.8 } }""", "test").Dedup.DuplicateContainment);
        Assert.Null(ConfigLoader.Parse("""{ "dedup": { "duplicateContainment": null } }""", "test").Dedup.DuplicateContainment);
        var e = Assert.Throws<ConfigurationException>(() => ConfigLoader.Parse("""{ "dedup": { "duplicateContainment": 1.2 } }""", "c.json"));
        Assert.Contains("dedup.duplicateContainment is 1.2, outside the allowed range 0..1", e.Errors);
    }

    [Fact]
    public void Parse_TopicEmbeddings_BoundOrReportedWithTheChoices()
    {
        var options = ConfigLoader.Parse("""{ "topic": { "embeddings": "miniLm", "embeddingWeight": 0.5, "embeddingText": "chunks" } }""", "test");
        Assert.Equal(ClassifyPipeline.Classification.Topic.TopicEmbeddings.MiniLm, options.Topic.Embeddings);
        Assert.Equal(ClassifyPipeline.Classification.Topic.TopicEmbeddingText.Chunks, options.Topic.Training().EmbeddingText);
        Assert.Contains("embeddings=minilm*0.5/chunks", options.Topic.Training().Settings);
        Assert.Contains("embeddings=none", new PipelineOptions().Topic.Training().Settings);
        // no weight given: the encoder's own default (the same cache key as before per-encoder defaults for miniLm)
        Assert.Null(new PipelineOptions().Topic.EmbeddingWeight);
        Assert.Contains("embeddings=minilm*0.25/lead", ConfigLoader.Parse("""{ "topic": { "embeddings": "miniLm" } }""", "test").Topic.Training().Settings);
        Assert.Contains("embeddings=arcticxs*0.5/lead", ConfigLoader.Parse("""{ "topic": { "embeddings": "arcticXs", "embeddingWeight": null } }""", "test").Topic.Training().Settings);
        var e = Assert.Throws<ConfigurationException>(() => ConfigLoader.Parse("""{ "topic": { "embeddings": "bert", "embeddingWeight": 11 } }""", "c.json"));
        Assert.Contains(e.Errors, m => m.StartsWith("topic.embeddings has the wrong type: expected one of none, miniLm, arcticXs"));
        Assert.Contains("topic.embeddingWeight is 11, outside the allowed range 0..10", e.Errors);
    }

    [Fact]
    public void Parse_OutOfRangeAndCrossKeyRules_AreReported()
    {
        var e = Assert.Throws<ConfigurationException>(() => ConfigLoader.Parse("""
            { "dedup": { "duplicateThreshold": 1.5, "storyThreshold": 0.9 }, "analysis": { "maxNGram": 0 }, "clean": { "boilerplatePatterns": ["(unclosed"] } }
            """, "c.json"));
        Assert.Contains("dedup.duplicateThreshold is 1.5, outside the allowed range 0..1", e.Errors);
        Assert.Contains("analysis.maxNGram is 0, outside the allowed range 1..5", e.Errors);
        Assert.Contains(e.Errors, m => m.StartsWith("clean.boilerplatePatterns[0] is not a valid regular expression"));
        Assert.Equal(3, e.Errors.Count);
    }

    [Fact]
    public void Parse_TokenWeights_BoundOrReportedOutOfRange()
    {
        var options = ConfigLoader.Parse("""{ "analysis": { "numberWeight": 3, "entityWeight": 2 } }""", "test");
        Assert.Equal(3, options.Analysis.NumberWeight);
        Assert.Equal(2, options.Analysis.EntityWeight);
        var e = Assert.Throws<ConfigurationException>(() => ConfigLoader.Parse("""{ "analysis": { "numberWeight": 0, "entityWeight": 11 } }""", "c.json"));
        Assert.Contains("analysis.numberWeight is 0, outside the allowed range 1..10", e.Errors);
        Assert.Contains("analysis.entityWeight is 11, outside the allowed range 1..10", e.Errors);
    }

    [Fact]
    public void Parse_SectionThatIsNotAnObject_IsReported()
    {
        var e = Assert.Throws<ConfigurationException>(() => ConfigLoader.Parse("""{ "dedup": 3 }""", "c.json"));
        Assert.Equal("dedup must be an object (a section), found Number", Assert.Single(e.Errors));
    }

    [Fact]
    public void Parse_NotJson_ReportsTheLine()
    {
        var e = Assert.Throws<ConfigurationException>(() => ConfigLoader.Parse("{\n  \"dedup\": {,\n}", "c.json"));
        Assert.Contains("line 2", Assert.Single(e.Errors));
    }
}
