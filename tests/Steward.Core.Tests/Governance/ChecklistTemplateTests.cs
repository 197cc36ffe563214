using Steward.Errors;
using Steward.Governance.Checklists;

namespace Steward.Core.Tests.Governance;

public sealed class ChecklistTemplateTests
{
    [Fact]
    public void GDPR_CCPA_and_SOX_are_shipped()
    {
        Assert.Equal(["ccpa", "gdpr", "sox"], ChecklistTemplateService.Shipped.Select(t => t.Document.Name).Order());
        var gdpr = ChecklistTemplateService.Shipped.Single(t => t.Document.Name == "gdpr").Template;
        Assert.Contains(gdpr.Items, i => i.Id == "lawful-basis");
        Assert.Contains(gdpr.Items, i => i.Id == "dpia");
        Assert.Contains(gdpr.Items, i => i.Id == "data-minimisation");
        Assert.Contains(gdpr.Items, i => i.Id == "right-to-explanation");
        Assert.Contains(ChecklistTemplateService.Shipped.Single(t => t.Document.Name == "sox").Template.Items, i => i.Id == "change-control");
    }

    [Fact]
    public void A_template_for_the_EU_AI_Act_parses_with_optional_items()
    {
        var template = ChecklistTemplateParser.Parse("""
            name: eu-ai-act
            title: EU AI Act (high-risk systems)
            items:
              - id: risk-management
                text: A risk management system is established (Art. 9).
              - id: logging
                text: Events are logged automatically (Art. 12).
                required: false
                evidence_required: false
            """);
        Assert.Equal("eu-ai-act", template.Name);
        Assert.True(template.Item("risk-management")!.Required);
        Assert.False(template.Item("logging")!.Required);
        Assert.False(template.Item("logging")!.EvidenceRequired);
    }

    [Theory]
    [InlineData("name: x\nitems: []\n", "items (line 2): must list at least one item")]
    [InlineData("name: Bad Name\nitems:\n  - { id: a, text: t }\n", "name (line 1): 'Bad Name' must be lowercase letters")]
    [InlineData("name: x\nitems:\n  - { id: a, text: t }\n  - { id: a, text: u }\n", "items[1].id (line 4): item 'a' is listed twice")]
    [InlineData("name: x\nitems:\n  - { id: a, text: t, required: sometimes }\n", "items[0].required (line 3): expected true or false, got 'sometimes'")]
    [InlineData("name: x\nitems:\n  - { id: a }\n", "items[0] (line 3): missing required field 'text'")]
    public void A_malformed_template_is_refused_naming_the_problem(string text, string expected)
    {
        var error = Assert.Throws<StewardException>(() => ChecklistTemplateParser.Parse(text));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
