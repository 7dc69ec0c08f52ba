using System.Text.Json;

namespace ClassifyPipeline.Tests.Support;

/// <summary>
/// The contract every stage passes (after ML.NET's TestEstimatorCore). A stage test calls the parts that apply:
/// <list type="bullet">
/// <item><see cref="Check"/>: on valid input it produces output; the same input gives the same output, from the same
/// instance and from a fresh one (no hidden or static state); instances run in parallel agree with one alone.</item>
/// <item><see cref="CheckOrderIndependent"/>: where a stage promises it, shuffled input gives the same output.</item>
/// <item><see cref="Rejects{TException}"/> and <see cref="RejectsAsValue{TOutput}"/>: bad input gives a clear error
/// (the expected exception, saying what is wrong) or a rejection value with a reason, never a crash deep inside.</item>
/// <item><see cref="SurvivesSaveLoad{TModel, TPrediction}"/>: a fitted model saved and loaded predicts the same, saves the
/// same bytes again, and a stream that is empty, foreign or cut short is refused with an <see cref="InvalidDataException"/>.</item>
/// </list>
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

    /// <summary>
    /// The output for <paramref name="shuffles"/> seeded shuffles of <paramref name="items"/> equals the output for the
    /// items as given; <paramref name="normalize"/> turns an output into its order-free form when the stage's output
    /// follows its input (e.g. predictions keyed by id).
    /// </summary>
    public static void CheckOrderIndependent<TStage, TItem, TOutput>(Func<TStage> create, IReadOnlyList<TItem> items,
        Func<TStage, IReadOnlyList<TItem>, TOutput> run, Func<TOutput, object?>? normalize = null, int shuffles = 3)
    {
        Assert.True(items.Count > 1, "order independence needs at least two items");
        normalize ??= o => o;
        var expected = Serialize(normalize(run(create(), items)));
        var random = new Random(42);
        for (var s = 0; s < shuffles; s++)
        {
            var shuffled = items.ToArray();
            random.Shuffle(shuffled);
            Assert.Equal(expected, Serialize(normalize(run(create(), shuffled))));
        }
    }

    /// <summary>Bad input is refused with <typeparamref name="TException"/> (or a subtype) whose message says each of <paramref name="says"/>.</summary>
    public static TException Rejects<TException>(Action run, params string[] says) where TException : Exception
    {
        var e = Assert.ThrowsAny<TException>(run);
        Assert.False(string.IsNullOrWhiteSpace(e.Message), "the error says nothing");
        foreach (var words in says)
            Assert.Contains(words, e.Message, StringComparison.OrdinalIgnoreCase);
        return e;
    }

    /// <summary>Bad input comes back as rejection values, without an exception: at least one, each with a reason, and the reasons say each of <paramref name="says"/>.</summary>
    public static void RejectsAsValue<TOutput>(Func<TOutput> run, Func<TOutput, IReadOnlyList<string>> reasons, params string[] says)
    {
        var found = reasons(run());
        Assert.NotEmpty(found);
        Assert.All(found, r => Assert.False(string.IsNullOrWhiteSpace(r), "a rejection without a reason"));
        foreach (var words in says)
            Assert.Contains(found, r => r.Contains(words, StringComparison.OrdinalIgnoreCase));
    }

    public static void SurvivesSaveLoad<TModel, TPrediction>(TModel model, Action<TModel, Stream> save, Func<Stream, TModel> load, Func<TModel, TPrediction> predict)
    {
        var bytes = Save(model, save);
        var loaded = load(new MemoryStream(bytes, writable: false));
        Assert.Equal(Serialize(predict(model)), Serialize(predict(loaded)));
        Assert.Equal(bytes, Save(loaded, save));

        Rejects<InvalidDataException>(() => load(new MemoryStream([])));
        Rejects<InvalidDataException>(() => load(new MemoryStream("{\"not\": \"a model\"}\n"u8.ToArray())));
        foreach (var length in new[] { 1, 8, bytes.Length / 2, bytes.Length - 1 })
            Rejects<InvalidDataException>(() => load(new MemoryStream(bytes[..length])));
    }

    private static byte[] Save<TModel>(TModel model, Action<TModel, Stream> save)
    {
        using var stream = new MemoryStream();
        save(model, stream);
        return stream.ToArray();
    }

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, new JsonSerializerOptions { IncludeFields = true, MaxDepth = 256 });
}
