using ClassifyPipeline.Classification;
using ClassifyPipeline.Classification.Stance;
using ClassifyPipeline.Dedup;
using ClassifyPipeline.Text;
using Microsoft.Extensions.Logging;

namespace ClassifyPipeline.Pipeline;

/// <summary>
/// Labels each article's stance toward its story's lead headline, and toward every configured claim, a chunk
/// of articles at a time. The lead itself and the only article of a one-article story have no lead stance
/// (null): there is no other article's headline to judge them against.
/// </summary>
internal sealed class StanceLabeler
{
    private readonly IStanceClassifier _classifier;
    private readonly List<string> _claims;
    private readonly string?[] _leadTitle;
    private readonly string[] _leadId;
    private int _leadPairs, _claimPairs;

    /// <param name="ordered">The batch's articles in canonical order: the order of the dedup assignments.</param>
    /// <param name="position">Each batch article's place in <paramref name="ordered"/>, by id, for the titles of story leads.</param>
    public StanceLabeler(IStanceClassifier classifier, StanceOptions options, IReadOnlyList<ArticleHeader> ordered, IReadOnlyDictionary<string, int> position, DedupResult dedup)
    {
        _classifier = classifier;
        _claims = options.Claims.Where(c => !string.IsNullOrWhiteSpace(c)).ToList();
        var stories = dedup.Stories.ToDictionary(s => s.Id, StringComparer.Ordinal);
        _leadTitle = new string?[ordered.Count];
        _leadId = new string[ordered.Count];
        for (var i = 0; i < ordered.Count; i++)
        {
            var story = stories[dedup.Assignments[i].StoryId];
            _leadId[i] = story.LeadId;
            var leadTitle = position.TryGetValue(story.LeadId, out var lead) ? ordered[lead].Title : story.LeadTitle;
            if (story.Members.Count >= 2 && story.LeadId != ordered[i].Id && !string.IsNullOrEmpty(leadTitle))
                _leadTitle[i] = leadTitle;
        }
    }

    /// <summary>Labels the cleaned <paramref name="articles"/>, whose canonical positions are <paramref name="at"/>, into <paramref name="stances"/> and <paramref name="claims"/>.</summary>
    public void Label(IReadOnlyList<CleanArticle> articles, int[] at, StanceResult?[] stances, IReadOnlyList<ClaimStance>[] claims, CancellationToken cancellationToken)
    {
        var pairs = new List<StancePair>();
        var leadPair = new int[articles.Count];
        for (var j = 0; j < articles.Count; j++)
        {
            leadPair[j] = -1;
            if (_leadTitle[at[j]] is { } title)
            {
                leadPair[j] = pairs.Count;
                pairs.Add(new StancePair(title, articles[j].Body));
            }
        }
        var leadPairs = pairs.Count;
        foreach (var article in articles)
            foreach (var claim in _claims)
                pairs.Add(new StancePair(claim, article.Body));

        var predictions = _classifier.Predict(pairs, cancellationToken);
        for (var j = 0; j < articles.Count; j++)
        {
            var i = at[j];
            if (leadPair[j] >= 0)
            {
                var p = predictions[leadPair[j]];
                stances[i] = new StanceResult(p.Stance, p.Confidence, _leadId[i]);
            }
            if (_claims.Count > 0)
            {
                var list = new ClaimStance[_claims.Count];
                for (var c = 0; c < _claims.Count; c++)
                {
                    var p = predictions[leadPairs + j * _claims.Count + c];
                    list[c] = new ClaimStance(_claims[c], p.Stance, p.Confidence);
                }
                claims[i] = list;
            }
        }
        _leadPairs += leadPairs;
        _claimPairs += pairs.Count - leadPairs;
    }

    public void Log(ILogger logger, long elapsedMs) =>
        StanceLog.Predicted(logger, _leadPairs + _claimPairs, _leadPairs, _claimPairs, _claims.Count, elapsedMs);
}
