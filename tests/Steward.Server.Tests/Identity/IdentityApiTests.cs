using System.Net;
using Steward.Client;
using Steward.Contracts.Identity;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Identity;

/// <summary>/api/v1/users, /tokens, /domains and /me: validation, who may do what, and the ledger.</summary>
public sealed class IdentityApiTests(SecuredServers servers) : IClassFixture<SecuredServers>
{
    private static async Task<StewardApiException> RefusedAsync(HttpStatusCode status, Func<Task> action)
    {
        var error = await Assert.ThrowsAsync<StewardApiException>(action);
        Assert.Equal(status, error.StatusCode);
        return error;
    }

    [SkippableTheory, Backends]
    public async Task me_shows_roles_domains_and_permissions(Backend backend)
    {
        var server = await servers.For(backend);
        using var alice = await server.NewUserAsync("alice", ["data-scientist", "auditor"], "retail", "credit");
        var me = await alice.Client.GetMeAsync();
        Assert.Equal(["data-scientist", "auditor"], me.Roles);
        Assert.Equal(["retail", "credit"], me.Domains);
        Assert.Equal(("retail", "token", false), (me.DefaultDomain, me.AuthenticatedBy, me.AllDomains));
        Assert.Contains("write-tracking", me.Permissions);
        Assert.Contains("read-ledger", me.Permissions);
        Assert.DoesNotContain("manage-identities", me.Permissions);
    }

    [SkippableTheory, Backends]
    public async Task bad_user_input_is_refused_naming_what_is_wrong(Backend backend)
    {
        var server = await servers.For(backend);
        var admin = server.Admin.Client;
        await server.EnsureDomainsAsync("retail");
        var role = await RefusedAsync(HttpStatusCode.BadRequest, () => admin.CreateUserAsync("u-" + Guid.NewGuid().ToString("N")[..6], ["wizard"]));
        Assert.Contains("Unknown role 'wizard'", role.Detail, StringComparison.Ordinal);
        var noRole = await RefusedAsync(HttpStatusCode.BadRequest, () => admin.CreateUserAsync("u-" + Guid.NewGuid().ToString("N")[..6], []));
        Assert.Contains("'roles'", noRole.Detail, StringComparison.Ordinal);
        var domain = await RefusedAsync(HttpStatusCode.BadRequest, () => admin.CreateUserAsync("u-" + Guid.NewGuid().ToString("N")[..6], ["auditor"], ["atlantis"]));
        Assert.Contains("'atlantis'", domain.Detail, StringComparison.Ordinal);
        var reserved = await RefusedAsync(HttpStatusCode.BadRequest, () => admin.CreateUserAsync("local-admin", ["auditor"]));
        Assert.Contains("reserved", reserved.Detail, StringComparison.Ordinal);
        var badName = await RefusedAsync(HttpStatusCode.BadRequest, () => admin.CreateUserAsync("no spaces", ["auditor"]));
        Assert.Contains("Invalid user name", badName.Detail, StringComparison.Ordinal);
        var email = await RefusedAsync(HttpStatusCode.BadRequest, () => admin.CreateUserAsync("u-" + Guid.NewGuid().ToString("N")[..6], ["auditor"], email: "not-an-address"));
        Assert.Contains("'email'", email.Detail, StringComparison.Ordinal);
        var domainName = await RefusedAsync(HttpStatusCode.BadRequest, () => admin.CreateDomainAsync("Has Caps"));
        Assert.Contains("Invalid domain name", domainName.Detail, StringComparison.Ordinal);
        var unknownField = await server.Admin.Http.PostAsync("/api/v1/users", new StringContent("""{"name": "x1", "roles": ["auditor"], "role": "admin"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);
        using var problem = System.Text.Json.JsonDocument.Parse(await unknownField.Content.ReadAsStringAsync());
        Assert.StartsWith("Unknown field 'role'", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var password = await RefusedAsync(HttpStatusCode.BadRequest, () => admin.SetPasswordAsync("admin", "short"));
        Assert.Contains("at least 12", password.Detail, StringComparison.Ordinal);
        var expires = await RefusedAsync(HttpStatusCode.BadRequest, () => admin.CreateTokenAsync("admin", "x", expires: "tomorrow-ish"));
        Assert.Contains("'expires'", expires.Detail, StringComparison.Ordinal);
    }

    [SkippableTheory, Backends]
    public async Task users_manage_their_own_tokens_and_password_but_nobody_elses(Backend backend)
    {
        var server = await servers.For(backend);
        using var alice = await server.NewUserAsync("alice", ["data-scientist"], "retail");
        using var bob = await server.NewUserAsync("bob", ["data-scientist"], "retail");

        var mine = await alice.Client.CreateTokenAsync(alice.Name, "second", expires: "30d");
        Assert.Equal(2, (await alice.Client.ListTokensAsync(alice.Name)).Count);
        await alice.Client.RevokeTokenAsync(alice.Name, mine.Token.Id);
        await alice.Client.SetPasswordAsync(alice.Name, "alice's own password");

        await RefusedAsync(HttpStatusCode.Forbidden, () => alice.Client.CreateTokenAsync(bob.Name, "stolen"));
        await RefusedAsync(HttpStatusCode.Forbidden, () => alice.Client.ListTokensAsync(bob.Name));
        await RefusedAsync(HttpStatusCode.Forbidden, () => alice.Client.SetPasswordAsync(bob.Name, "bob's new password"));
        await RefusedAsync(HttpStatusCode.Forbidden, () => alice.Client.GetUserAsync(bob.Name));
        await RefusedAsync(HttpStatusCode.Forbidden, () => alice.Client.ListUsersAsync());
        await RefusedAsync(HttpStatusCode.Forbidden, () => alice.Client.CreateUserAsync("carol-" + Guid.NewGuid().ToString("N")[..6], ["admin"]));
        await RefusedAsync(HttpStatusCode.Forbidden, () => alice.Client.UpdateUserAsync(alice.Name, new UpdateUserRequest { Roles = ["admin"] }));
        await RefusedAsync(HttpStatusCode.Forbidden, () => alice.Client.CreateDomainAsync("mine"));
        Assert.Equal(["data-scientist"], (await alice.Client.GetUserAsync(alice.Name)).Roles);
        Assert.Single(await bob.Client.ListTokensAsync(bob.Name));
    }

    [SkippableTheory, Backends]
    public async Task an_auditor_lists_users_and_tokens_but_changes_nothing(Backend backend)
    {
        var server = await servers.For(backend);
        using var auditor = await server.NewUserAsync("auditor", ["auditor"]);
        using var alice = await server.NewUserAsync("alice", ["data-scientist"], "retail");
        Assert.Contains(await auditor.Client.ListUsersAsync(), u => u.Name == alice.Name);
        Assert.Single(await auditor.Client.ListTokensAsync(alice.Name));
        await RefusedAsync(HttpStatusCode.Forbidden, () => auditor.Client.UpdateUserAsync(alice.Name, new UpdateUserRequest { Enabled = false }));
        Assert.True((await auditor.Client.GetUserAsync(alice.Name)).Enabled);
    }

    [SkippableTheory, Backends]
    public async Task every_identity_change_is_a_ledger_entry_by_its_actor(Backend backend)
    {
        var server = await servers.For(backend);
        var admin = server.Admin.Client;
        var before = (await admin.GetLedgerHeadAsync()).TreeSize;
        var domain = "d-" + Guid.NewGuid().ToString("N")[..8];
        var name = "u-" + Guid.NewGuid().ToString("N")[..8];
        await admin.CreateDomainAsync(domain, "a business unit");
        await admin.CreateUserAsync(name, ["ml-engineer"], [domain]);
        await admin.UpdateUserAsync(name, new UpdateUserRequest { DisplayName = "Someone" });
        await admin.SetPasswordAsync(name, "a password long enough");
        var token = await admin.CreateTokenAsync(name, "ci");
        await admin.RevokeTokenAsync(name, token.Token.Id);

        var entries = (await admin.ListLedgerEntriesAsync(new LedgerEntrySearch { Start = before })).Entries;
        Assert.Equal(["domain.create", "user.create", "user.update", "user.set_password", "token.create", "token.revoke"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(("admin", "ok"), (e.Actor, e.Outcome)));
        Assert.Equal($"user/{name}/token/{token.Token.Id}", entries[^1].Resource);

        var details = await admin.GetDomainAsync(domain);
        Assert.Equal([name], details.Members);
        Assert.Equal("a business unit", details.Description);
        Assert.Contains(await admin.ListDomainsAsync(), d => d.Name == domain);
    }

    [SkippableTheory, Backends]
    public async Task the_last_admin_cannot_be_disabled(Backend backend)
    {
        var server = await servers.For(backend);
        var error = await RefusedAsync(HttpStatusCode.BadRequest, () => server.Admin.Client.UpdateUserAsync("admin", new UpdateUserRequest { Enabled = false }));
        Assert.Contains("last enabled admin", error.Detail, StringComparison.Ordinal);
        Assert.Equal("admin", (await server.Admin.Client.GetMeAsync()).Name);
    }
}
