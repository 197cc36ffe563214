using Steward.Errors;
using Steward.Governance;
using Steward.Governance.Lifecycle;
using Steward.Identity;

namespace Steward.Core.Tests.Governance.Lifecycle;

/// <summary>The lifecycle policy file: the shipped default says what docs/lifecycle.md says; malformed files are refused naming the field.</summary>
public sealed class LifecyclePolicyParserTests
{
    private const string Valid = """
        name: test
        enforce: all
        protected_aliases: [Champion]
        gates:
          staging: [business-kpi]
          production: [business-kpi, production-approval]
        approvals:
          low: [{ any_of: [release-manager] }]
          medium: [{ any_of: [release-manager] }]
          high: [{ any_of: [risk-manager, ethics-officer] }, { any_of: [governance-officer] }]
        """;

    [Fact]
    public void the_shipped_policy_gates_staging_on_steps_1_to_4_and_production_on_1_to_8()
    {
        var policy = LifecyclePolicyService.Shipped.Policy;
        Assert.Equal(GateEnforcement.Governed, policy.Enforce);
        Assert.Equal(["business-kpi", "feature-pipeline", "evaluation", "model-card"], policy.StagingSteps);
        Assert.Equal(LifecycleSteps.All.Where(s => s.Number <= 8).Select(s => s.Key), policy.ProductionSteps);
        Assert.Equal(["champion", "production"], policy.ProtectedAliases);
    }

    [Fact]
    public void the_shipped_approvals_follow_the_risk_tier()
    {
        var approvals = LifecyclePolicyService.Shipped.Policy.Approvals;
        Assert.Equal([[Role.MlEngineer, Role.ReleaseManager]], approvals[RiskTier.Low].Select(r => r.Roles));
        Assert.Equal([[Role.MlEngineer, Role.ReleaseManager], [Role.RiskManager]], approvals[RiskTier.Medium].Select(r => r.Roles));
        Assert.Equal([[Role.RiskManager], [Role.EthicsOfficer], [Role.GovernanceOfficer]], approvals[RiskTier.High].Select(r => r.Roles));
    }

    [Fact]
    public void a_valid_file_is_read_with_aliases_in_lowercase_and_a_90_day_default_for_waivers()
    {
        var policy = LifecyclePolicyParser.Parse(Valid);
        Assert.Equal(GateEnforcement.All, policy.Enforce);
        Assert.True(policy.IsProtected("CHAMPION"));
        Assert.Equal(90, policy.MaxWaiverDays);
        Assert.Equal("risk-manager or ethics-officer", policy.Approvals[RiskTier.High][0].Label);
    }

    [Theory]
    [InlineData("staging: [business-kpi]", "staging: [business-kip]", "gates.staging[0]", "unknown step 'business-kip'")]
    [InlineData("enforce: all", "enforce: sometimes", "enforce", "expected governed or all")]
    [InlineData("low: [{ any_of: [release-manager] }]", "low: [{ any_of: [release-managers] }]", "approvals.low[0].any_of[0]", "Unknown role 'release-managers'")]
    [InlineData("low: [{ any_of: [release-manager] }]", "low: []", "approvals.low", "every tier needs at least one approval")]
    [InlineData("low: [{ any_of: [release-manager] }]", "low: [{ any_of: [auditor] }]", "approvals.low[0].any_of[0]", "cannot approve")]
    [InlineData("name: test", "name: test\nextra: 1", "line", "unknown field 'extra'")]
    public void a_malformed_file_is_refused_naming_the_field(string replace, string with, string field, string message)
    {
        var error = Assert.Throws<StewardException>(() => LifecyclePolicyParser.Parse(Valid.Replace(replace, with, StringComparison.Ordinal)));
        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
        Assert.Contains(field, error.Message);
        Assert.Contains(message, error.Message);
    }
}
