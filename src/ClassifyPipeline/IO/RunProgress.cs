namespace ClassifyPipeline.IO;

/// <summary>A progress report: the stage running and how far it is (items done of total, when known).</summary>
public readonly record struct RunProgress(string Stage, long Done, long? Total);
