namespace ClassifyPipeline.Cluster.Model;

/// <summary>One batch's changes to one id-directory bucket: where documents now live (id → slice).</summary>
[GenerateSerializer, Immutable]
public sealed record DirectoryChanges(Dictionary<string, long> Slices);

/// <summary>One batch's changes to one story-index bucket, applied in this order.</summary>
/// <param name="NewStories">Story ids created.</param>
/// <param name="RemoveMembers">(story, document) memberships that end.</param>
/// <param name="AddMembers">Memberships that begin, or whose document moved slice.</param>
/// <param name="RemoveStories">Stories merged into others (they become aliases).</param>
/// <param name="SetAliases">Alias → surviving story.</param>
/// <param name="AddAliasesIn">Per surviving story, the aliases that now point at it.</param>
[GenerateSerializer, Immutable]
public sealed record StoryIndexChanges(
    string[] NewStories,
    MemberKey[] RemoveMembers,
    Member[] AddMembers,
    string[] RemoveStories,
    Dictionary<string, string> SetAliases,
    Dictionary<string, string[]> AddAliasesIn);

[GenerateSerializer, Immutable]
public readonly record struct MemberKey(string StoryId, string Id);

/// <summary>A story member and the slice its document lives in.</summary>
[GenerateSerializer, Immutable]
public readonly record struct Member(string StoryId, string Id, long Slice);

/// <summary>What a story index knows of a story: its members (with their slices) and the aliases pointing at it.</summary>
[GenerateSerializer, Immutable]
public sealed record StoryView(string StoryId, Member[] Members, string[] AliasesIn);
