namespace ClassifyPipeline.Cli.Hosting;

/// <summary>The process exit codes, a contract for scripts (documented in the README and docs/inputs.md).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Usage = 1;
    public const int Configuration = 2;
    /// <summary>
    /// An input path that matches nothing, an input that changed while the run read it, or a run in which every
    /// input was rejected (no article read; no run folder written). A run with some articles exits 0 and lists its
    /// rejections in rejected.jsonl.
    /// </summary>
    public const int Input = 3;
    public const int Model = 4;
    public const int State = 5;
    public const int Cancelled = 130;
}
