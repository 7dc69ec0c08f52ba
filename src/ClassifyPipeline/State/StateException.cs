namespace ClassifyPipeline.State;

/// <summary>The persistent state cannot be used: busy, written by an incompatible version, built with other settings, or not a state.</summary>
public sealed class StateException(string message, Exception? inner = null) : Exception(message, inner);
