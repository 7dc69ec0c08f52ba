using ClassifyPipeline.Classification.Topic;
using ClassifyPipeline.Classification.Stance;
using ClassifyPipeline.Dedup;
using ClassifyPipeline.Ingest;
using ClassifyPipeline.State;
using ClassifyPipeline.Text;
using ClassifyPipeline.Threads;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Pipeline;

/// <summary>All of pipeline.json: one section per stage. Every key is documented in the README.</summary>
public sealed class PipelineOptions
{
    public IngestOptions Ingest { get; set; } = new();

    public CleanOptions Clean { get; set; } = new();

    public AnalysisOptions Analysis { get; set; } = new();

    public VectorizeOptions Vectorize { get; set; } = new();

    public DedupOptions Dedup { get; set; } = new();

    public ThreadOptions Threads { get; set; } = new();

    public TopicOptions Topic { get; set; } = new();

    public StateOptions State { get; set; } = new();

    public StanceOptions Stance { get; set; } = new();
}
