using System.Text;
using ClassifyPipeline.Ingest;

namespace ClassifyPipeline.Tests.Ingest;

public class XmlTextDecoderTests
{
    private const string Chinese = "叙利亚和平谈判在日内瓦举行";

    private static string Page(string charset) =>
        $"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset={charset}\"><title>t</title></head><body><p>{Chinese}</p></body></html>";

    [Fact]
    public void DecodeHtml_DeclaredGb2312ButUtf8Bytes_ReadsUtf8()
    {
        var result = XmlTextDecoder.DecodeHtml(Encoding.UTF8.GetBytes(Page("gb2312")));
        Assert.Contains(Chinese, result.Text);
        Assert.StartsWith("UTF-8 (declared gb2312", result.Encoding);
    }

    [Fact]
    public void DecodeHtml_RealGbkBytes_ReadByTheDeclaredCharset()
    {
        var gbk = CodePagesEncodingProvider.Instance.GetEncoding("gb2312")!;
        var result = XmlTextDecoder.DecodeHtml(gbk.GetBytes(Page("gb2312")));
        Assert.Contains(Chinese, result.Text);
        Assert.Contains("<meta charset>", result.Encoding);
    }

    [Fact]
    public void DecodeHtml_RealWindows1252Bytes_ReadByTheDeclaredCharset()
    {
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes("<html><head><meta charset=\"windows-1252\"></head><body>Zürich – “quoted” €5</body></html>");
        Assert.Contains("Zürich – “quoted” €5", XmlTextDecoder.DecodeHtml(bytes).Text);
    }
}
