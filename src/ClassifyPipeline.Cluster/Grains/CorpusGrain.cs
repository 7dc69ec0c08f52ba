using ClassifyPipeline.Cluster.Model;

namespace ClassifyPipeline.Cluster.Grains;

/// <summary>The persisted state of a grain that takes part in commits: its data, and the last batch applied to it.</summary>
[GenerateSerializer]
public abstract class CommittedState
{
    /// <summary>The batch whose changes this state includes last (so changes applied twice are recognised).</summary>
    [Id(0)]
    public Guid LastApplied { get; set; }
}

/// <summary>A batch's changes held aside until the batch's commit is recorded, in the chunks they came in (applied in order).</summary>
[GenerateSerializer]
public sealed class PendingChanges<TChanges>
{
    [Id(0)]
    public Guid Batch { get; set; }

    [Id(1)]
    public List<TChanges> Chunks { get; set; } = [];
}

/// <summary>
/// The prepare/apply half of the commit protocol (see <see cref="ICorpusGrain{TChanges}"/>): state and pending
/// changes are two storage entries, so preparing writes only the (small) changes, and applying writes the state with
/// the batch recorded in it before the pending entry is cleared; a crash between the two writes is recognised later.
/// </summary>
public abstract class CorpusGrain<TState, TChanges>(IPersistentState<TState> state, IPersistentState<PendingChanges<TChanges>> pending)
    : Grain, ICorpusGrain<TChanges>
    where TState : CommittedState, new()
{
    protected TState Data => state.State;

    protected string Corpus => GrainKeys.CorpusOf(this.GetPrimaryKeyString());

    public async Task Prepare(Guid batch, TChanges changes)
    {
        await Settle(batch);
        if (pending.State.Batch != batch)
            pending.State = new PendingChanges<TChanges> { Batch = batch };
        pending.State.Chunks.Add(changes);
        await pending.WriteStateAsync();
    }

    public async Task Apply(Guid batch)
    {
        if (pending.State.Batch != batch)
            return; // applied before, or never prepared here
        await ApplyPending();
    }

    /// <summary>Brings the state up to date before serving <paramref name="caller"/>: a batch that left changes here has ended, committed or not.</summary>
    protected async Task Settle(Guid caller)
    {
        var batch = pending.State.Batch;
        if (batch == Guid.Empty || batch == caller)
            return;
        var outcome = await GrainFactory.GetGrain<ICatalogGrain>(Corpus).Outcome(batch);
        if (outcome == BatchOutcome.Active)
            throw new InvalidOperationException($"grain {this.GetPrimaryKeyString()} holds changes of batch {batch}, which is still running");
        if (outcome == BatchOutcome.Committed)
        {
            await ApplyPending();
            return;
        }
        pending.State = new PendingChanges<TChanges>();
        await pending.WriteStateAsync();
    }

    protected abstract void ApplyChanges(TChanges changes);

    private async Task ApplyPending()
    {
        var batch = pending.State.Batch;
        if (state.State.LastApplied != batch)
        {
            foreach (var chunk in pending.State.Chunks)
                ApplyChanges(chunk);
            state.State.LastApplied = batch;
            await state.WriteStateAsync();
        }
        pending.State = new PendingChanges<TChanges>();
        await pending.WriteStateAsync();
    }
}
