using ClassifyPipeline.Dedup;

namespace ClassifyPipeline.Tests.Dedup;

public sealed class StoredSettingsTests
{
    private const string Current = """{"StopWords":0,"TitleWeight":2,"LeadWeight":1,"NumberWeight":1,"EntityWeight":1}""";

    [Fact]
    public void Match_OlderSectionWithoutAddedKeys_MatchesTheirNeutralValues() =>
        Assert.True(StoredSettings.Match("""{"StopWords":0,"TitleWeight":2}""", Current));

    [Fact]
    public void Match_OlderSectionWithoutAddedKeys_RefusesAnotherValue() =>
        Assert.False(StoredSettings.Match("""{"StopWords":0,"TitleWeight":2}""", Current.Replace("\"NumberWeight\":1", "\"NumberWeight\":2", StringComparison.Ordinal)));

    [Fact]
    public void Match_ChangedOrUnknownMissingKey_Refused()
    {
        Assert.False(StoredSettings.Match("""{"StopWords":0,"TitleWeight":1,"LeadWeight":1,"NumberWeight":1,"EntityWeight":1}""", Current));
        Assert.False(StoredSettings.Match("""{"StopWords":0,"LeadWeight":1,"NumberWeight":1,"EntityWeight":1}""", Current));
        Assert.False(StoredSettings.Match("""{"StopWords":0,"TitleWeight":2,"Gone":1,"LeadWeight":1,"NumberWeight":1,"EntityWeight":1}""", Current));
    }

    [Fact]
    public void Match_SameText_Matches() => Assert.True(StoredSettings.Match(Current, Current));
}
