using System.Security.Cryptography;
using System.Text;

namespace ClassifyPipeline.Reports;

/// <summary>
/// The one script of report.html: sorts the story table when a header is clicked (numbers as numbers) and filters its
/// rows as one types; the page's address can ask for both (<c>#sort=2&amp;order=desc&amp;filter=syria</c>). Inline, no
/// server, no request: the Content-Security-Policy allows this script by its hash and nothing else.
/// </summary>
internal static class ReportScript
{
    public const string Text = """
        (function(){var t=document.getElementById('stories-table');if(!t)return;var b=t.tBodies[0],h=t.tHead.rows[0].cells,f=document.getElementById('filter'),n=document.getElementById('shown');
        function key(r,i){var c=r.cells[i],v=c.getAttribute('data-v');return v===null?c.textContent.toLowerCase():v;}
        function sort(i,desc){var num=h[i].getAttribute('data-type')==='num',rows=Array.prototype.slice.call(b.rows);
        rows.sort(function(x,y){var p=key(x,i),q=key(y,i);if(num){p=parseFloat(p);q=parseFloat(q);}var d=p<q?-1:p>q?1:0;return desc?-d:d;});
        rows.forEach(function(r){b.appendChild(r);});for(var j=0;j<h.length;j++)h[j].setAttribute('aria-sort',j===i?(desc?'descending':'ascending'):'none');}
        function filter(q){q=q.toLowerCase();var c=0;for(var k=0;k<b.rows.length;k++){var r=b.rows[k],s=r.textContent.toLowerCase().indexOf(q)>=0;r.hidden=!s;if(s)c++;}n.textContent=c;}
        Array.prototype.forEach.call(h,function(c,i){c.addEventListener('click',function(){sort(i,c.getAttribute('aria-sort')==='ascending');});});
        f.addEventListener('input',function(){filter(f.value);});
        var p=new URLSearchParams(location.hash.slice(1));if(p.has('sort'))sort(+p.get('sort'),p.get('order')==='desc');if(p.has('filter')){f.value=p.get('filter');filter(f.value);}
        document.body.setAttribute('data-table','ready');})();
        """;

    /// <summary>The CSP source that allows exactly this script.</summary>
    public static readonly string Hash = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Text))) + "'";
}
