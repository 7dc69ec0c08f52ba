using ClassifyPipeline.IO;

namespace ClassifyPipeline.Tests.IO;

public sealed class ListViewTests
{
    [Fact]
    public void Items_AreMadeFromTheirIndexWhenRead()
    {
        var reads = 0;
        var view = new ListView<int>(3, k => { reads++; return 10 * k; });

        Assert.Equal(0, reads);
        Assert.Equal(3, view.Count);
        Assert.Equal(20, view[2]);
        Assert.Equal([0, 10, 20], view);
        Assert.Equal(4, reads);
    }

    [Fact]
    public void Indexer_OutsideTheCount_Throws()
    {
        var view = new ListView<int>(2, k => k);

        Assert.Throws<ArgumentOutOfRangeException>(() => view[2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => view[-1]);
    }
}
