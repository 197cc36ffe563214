using Steward.Reports.Documents;

namespace Steward.Reports.Tests.Documents;

public sealed class MarkdownTextTests
{
    [Fact]
    public void Headings_lists_and_emphasis_render_as_html()
    {
        var html = MarkdownText.ToHtml("## Limits\n\nNot for *credit* decisions:\n\n- retention offers\n- **consumer** customers\n");
        Assert.Contains("<h2>Limits</h2>", html);
        Assert.Contains("<em>credit</em>", html);
        Assert.Contains("<ul>", html);
        Assert.Contains("<li>retention offers</li>", html);
        Assert.Contains("<strong>consumer</strong>", html);
    }

    [Fact]
    public void A_script_tag_stays_text()
    {
        var html = MarkdownText.ToHtml("Before <script>alert('x')</script> after\n\n<script>alert('block')</script>\n\n<img src=x onerror=alert(1)>");
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert('x')&lt;/script&gt;", html);
        Assert.Contains("&lt;script&gt;alert('block')&lt;/script&gt;", html);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](&#106;avascript:alert(1))")]
    [InlineData("![pic](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("<javascript:alert(1)>")]
    public void A_link_to_a_script_loses_its_address(string markdown)
    {
        var html = MarkdownText.ToHtml(markdown);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Web_and_relative_links_are_kept()
    {
        var html = MarkdownText.ToHtml("[docs](https://example.org/card) and [run](/runs/abc) and <https://example.org>");
        Assert.Contains("href=\"https://example.org/card\"", html);
        Assert.Contains("href=\"/runs/abc\"", html);
        Assert.Contains("href=\"https://example.org\"", html);
    }

    [Fact]
    public void A_model_card_paragraph_in_a_report_renders_as_markdown_in_html_and_stays_as_written_in_markdown()
    {
        var document = new ReportDocument("Card").Add(new MarkdownBlock("Use *with care*.\n\n<script>x</script>"));
        var html = document.Render(ReportFormat.Html, "card").Text;
        Assert.Contains("<em>with care</em>", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("Use *with care*.", document.Render(ReportFormat.Markdown, "card").Text);
    }
}
