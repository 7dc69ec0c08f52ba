using System.Text.Json;

namespace ClassifyPipeline.Tests.Support;

/// <summary>
/// The contract every stage passes (after ML.NET's TestEstimatorCore): on valid input it produces output;
/// the same input gives the same output, from the same instance and from a fresh one (no hidden or static
/// state); instances run in parallel give the same output as one run alone.
/// Outputs are compared by their JSON form, so any record or list of records works.
/// </summary>
public static class StageContract
{
    public static void Check<TStage, TInput, TOutput>(Func<TStage> create, TInput validInput, Func<TStage, TInput, TOutput> run)
    {
        var stage = create();
        var first = Serialize(run(stage, validInput));
        Assert.NotEqual("null", first);
        Assert.Equal(first, Serialize(run(stage, validInput)));
        Assert.Equal(first, Serialize(run(create(), validInput)));

        var parallel = new string[4];
        Parallel.For(0, parallel.Length, i => parallel[i] = Serialize(run(create(), validInput)));
        Assert.All(parallel, p => Assert.Equal(first, p));
    }

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, new JsonSerializerOptions { IncludeFields = true, MaxDepth = 256 });
}
