using ClassifyPipeline.Cli.Commands.Topic;

namespace ClassifyPipeline.Tests.Cli;

public sealed class EvalTopicCommandTests
{
    [Theory]
    [InlineData(-0.00001, "+0.0000")]
    [InlineData(0.0, "+0.0000")]
    [InlineData(0.01234, "+0.0123")]
    [InlineData(-0.01236, "-0.0124")]
    public void Signed_Difference_OneSignFourDecimals(double value, string expected) =>
        Assert.Equal(expected, EvalTopicCommand.Signed(value));
}
