using ClassifyPipeline.Classification;
using ClassifyPipeline.Tests.Support;

namespace ClassifyPipeline.Tests.Classification;

public sealed class ModelCacheTests
{
    [Fact]
    public void GetOrTrain_SecondCall_LoadsWithoutTraining()
    {
        using var temp = new TempDirectory();
        var data = temp.File("train.txt", "a");
        var cache = new ModelCache(System.IO.Path.Combine(temp.Path, "cache"));
        var key = ModelCache.Key([data], "v1");
        var trainings = 0;

        string Get(out bool trained) => cache.GetOrTrain("t", key, () => { trainings++; return "model"; },
            (m, s) => s.Write(System.Text.Encoding.UTF8.GetBytes(m)), s => new StreamReader(s).ReadToEnd(), out trained);

        Assert.Equal("model", Get(out var first));
        Assert.Equal("model", Get(out var second));
        Assert.True(first);
        Assert.False(second);
        Assert.Equal(1, trainings);
    }

    [Fact]
    public void Key_TrainingDataOrSettingsChange_KeyChanges()
    {
        using var temp = new TempDirectory();
        var data = temp.File("train.txt", "a");
        var before = ModelCache.Key([data], "v1");
        Assert.NotEqual(before, ModelCache.Key([data], "v2"));
        System.IO.File.WriteAllText(data, "b");
        Assert.NotEqual(before, ModelCache.Key([data], "v1"));
    }

    [Fact]
    public void GetOrTrain_CorruptCachedFile_Retrains()
    {
        using var temp = new TempDirectory();
        var cache = new ModelCache(temp.Path);
        System.IO.File.WriteAllText(cache.PathFor("t", "k"), "garbage");
        var result = cache.GetOrTrain("t", "k", () => "fresh", (m, s) => s.Write("ok"u8), s => throw new InvalidDataException("bad"), out var trained);
        Assert.Equal("fresh", result);
        Assert.True(trained);
    }
}
