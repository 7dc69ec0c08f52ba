namespace ClassifyPipeline.Classification.Topic;

/// <summary>Labeled input that cannot be trained or evaluated on; the message names the file, the place and the reason.</summary>
public sealed class LabeledDataException(string message) : Exception(message);
