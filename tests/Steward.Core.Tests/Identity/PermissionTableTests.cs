using Steward.Identity;

namespace Steward.Core.Tests.Identity;

/// <summary>The permission table says what docs/identities.md says each role may do.</summary>
public sealed class PermissionTableTests
{
    public static TheoryData<Role> EveryRole => [.. Roles.All];

    [Theory]
    [MemberData(nameof(EveryRole))]
    public void every_role_reads_metadata(Role role) =>
        Assert.True(PermissionTable.Holds([role], Permission.ReadMetadata));

    [Fact]
    public void only_admins_manage_identities_and_move_objects_between_domains()
    {
        Assert.Equal([Role.Admin], PermissionTable.Rule(Permission.ManageIdentities).Roles);
        Assert.Equal([Role.Admin], PermissionTable.Rule(Permission.AssignDomain).Roles);
    }

    [Fact]
    public void executives_and_auditors_write_nothing()
    {
        foreach (var write in new[] { Permission.WriteTracking, Permission.WriteRegistry, Permission.ChangeStage, Permission.ManageIdentities, Permission.AssignDomain })
        {
            Assert.False(PermissionTable.Holds([Role.Executive], write));
            Assert.False(PermissionTable.Holds([Role.Auditor], write));
        }
    }

    [Fact]
    public void auditors_read_the_ledger_and_data_scientists_do_not()
    {
        Assert.True(PermissionTable.Holds([Role.Auditor], Permission.ReadLedger));
        Assert.False(PermissionTable.Holds([Role.DataScientist], Permission.ReadLedger));
    }

    [Fact]
    public void writes_are_scoped_to_the_writers_domains()
    {
        foreach (var write in new[] { Permission.WriteTracking, Permission.WriteRegistry, Permission.ChangeStage })
        {
            Assert.Equal(PermissionScope.OwnDomains, PermissionTable.Rule(write).Scope);
        }

        var alice = new Principal("alice", [Role.DataScientist], ["a"], AuthenticationMethod.Token);
        Assert.True(alice.May(Permission.WriteTracking, "a"));
        Assert.False(alice.May(Permission.WriteTracking, "b"));
        Assert.True(Principal.LocalAdmin.May(Permission.WriteTracking, "b"));
    }

    [Fact]
    public void an_executive_reads_metadata_and_its_own_credentials_and_writes_nothing() =>
        Assert.Equal([Permission.ReadMetadata, Permission.ManageOwnCredentials], PermissionTable.PermissionsOf(Role.Executive));

    [Theory]
    [MemberData(nameof(EveryRole))]
    public void the_role_by_role_table_names_every_role_and_what_it_may_do(Role role)
    {
        var row = PermissionTable.RolesToMarkdown().Split('\n').Single(l => l.StartsWith($"| {Roles.Name(role)} |", StringComparison.Ordinal));
        Assert.Contains(role == Role.Admin ? "everything" : "read metadata", row, StringComparison.Ordinal);
    }

    [Fact]
    public void every_permission_has_exactly_one_row() =>
        Assert.Equal(Enum.GetValues<Permission>().Order(), PermissionTable.Rules.Select(r => r.Permission).Order());

    [Fact]
    public void the_identities_page_shows_the_table_as_the_code_defines_it()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "identities.md")).ReplaceLineEndings("\n");
        Assert.Contains(PermissionTable.ToMarkdown(), page, StringComparison.Ordinal);
    }

    [Fact]
    public void the_identities_page_shows_the_roles_as_the_code_defines_them()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "identities.md")).ReplaceLineEndings("\n");
        Assert.Contains(PermissionTable.RolesToMarkdown(), page, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Steward.slnx"))) return dir.FullName;
        }

        throw new InvalidOperationException($"No Steward.slnx above {AppContext.BaseDirectory}.");
    }
}
