using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Tests.Vectors;

public sealed class TermBagTests
{
    [Fact]
    public void FromOccurrences_CountsEachIdOnce_InAscendingOrder()
    {
        var bag = TermBag.FromOccurrences([7, 3, 7, 1_000_000, 3, 7]);
        var (ids, counts) = bag.ToArrays();
        Assert.Equal([3, 7, 1_000_000], ids);
        Assert.Equal([2, 3, 1], counts);
        Assert.Equal(3, bag.Count);
    }

    [Fact]
    public void Decode_OfBytes_SameBagAndHash()
    {
        var bag = TermBag.FromOccurrences([5, 5, 300, 70_000, 70_000, 70_000, 2]);
        var decoded = TermBag.Decode(bag.Bytes.ToArray());
        Assert.True(decoded.SameAs(bag));
        Assert.Equal(bag.Hash(), decoded.Hash());
        Assert.False(decoded.SameAs(TermBag.FromOccurrences([5, 300])));
        Assert.NotEqual(bag.Hash(), TermBag.FromOccurrences([5, 300]).Hash());
    }

    [Theory]
    [InlineData(new byte[] { 2, 1 })]          // two terms announced, one half-written
    [InlineData(new byte[] { 1, 1, 0 })]       // a count of zero
    [InlineData(new byte[] { 1, 1, 1, 9 })]    // trailing bytes
    [InlineData(new byte[] { 1, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 1 })] // a varint that never ends
    public void Decode_CorruptBytes_InvalidData(byte[] data) =>
        Assert.Throws<InvalidDataException>(() => TermBag.Decode(data));

    [Fact]
    public void Remap_RenumbersAndSorts()
    {
        var bag = TermBag.FromOccurrences([0, 1, 1, 2]);
        var (ids, counts) = bag.Remap([10, 4, 7]).ToArrays();
        Assert.Equal([4, 7, 10], ids);
        Assert.Equal([2, 1, 1], counts);
    }

    [Fact]
    public void Empty_HasNoTerms() => Assert.Equal(0, TermBag.FromOccurrences([]).Count);
}
