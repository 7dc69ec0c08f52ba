using System.Security.Cryptography;
using System.Text;

namespace ClassifyPipeline.Articles;

/// <summary>Stable ids for articles that arrive without one.</summary>
public static class ArticleIds
{
    /// <summary>A content-derived id: the same title and body always give the same id.</summary>
    public static string FromContent(string? title, string body)
    {
        var bytes = Encoding.UTF8.GetBytes((title ?? string.Empty) + "\n" + body);
        return "a" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
    }

    /// <summary>A short stable hash of any key, for derived ids such as story ids.</summary>
    public static string ShortHash(string key, int hexChars = 12) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..hexChars];
}
