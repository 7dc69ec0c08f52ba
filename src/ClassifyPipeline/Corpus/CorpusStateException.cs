namespace ClassifyPipeline.Corpus;

/// <summary>The corpus state cannot be used: in use, of another version or settings, or not a state. The message says why.</summary>
public class CorpusStateException : Exception
{
    public CorpusStateException(string message)
        : base(message)
    {
    }

    public CorpusStateException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
