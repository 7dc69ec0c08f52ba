namespace ClassifyPipeline.Cli.Hosting;

/// <summary>The process exit codes, a contract for scripts (documented in the README).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Usage = 1;
    public const int Configuration = 2;
    public const int Input = 3;
    public const int Model = 4;
    public const int State = 5;
    public const int Cancelled = 130;
}
