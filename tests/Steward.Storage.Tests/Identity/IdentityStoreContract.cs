using Steward.Audit;
using Steward.Errors;
using Steward.Identity;
using Steward.Storage.Tests.Support;
using Steward.Tracking;

namespace Steward.Storage.Tests.Identity;

/// <summary>
/// What every <see cref="IIdentityStore"/> must do, on SQLite and PostgreSQL. Tests in one class
/// share a database, so each works with users and domains of its own names.
/// </summary>
public abstract class IdentityStoreContract(StorageFixture fixture)
{
    private static CancellationToken None => CancellationToken.None;

    private IIdentityStore Store => fixture.Storage.Identities;

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    private static long Now => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private async Task<string> NewDomainAsync() =>
        (await Store.CreateDomainAsync(TestChange.Next(), new Domain(Unique("d"), "a domain", "store-test", Now), None)).Name;

    private Task<User> NewUserAsync(string? name = null, IReadOnlyList<Role>? roles = null, IReadOnlyList<string>? domains = null) =>
        Store.CreateUserAsync(TestChange.Next(), new NewUser(name ?? Unique("u"), "Someone", "someone@example.org", roles ?? [Role.DataScientist], domains ?? [], "store-test", 1000), None);

    private static async Task<StewardException> ThrowsAsync(ErrorCode code, Func<Task> action)
    {
        var error = await Assert.ThrowsAsync<StewardException>(action);
        Assert.Equal(code, error.Code);
        return error;
    }

    /// <summary>Users are equal field by field, their role and domain lists by content.</summary>
    private static void AssertSameUser(User expected, User actual)
    {
        Assert.Equal(expected with { Roles = [], Domains = [] }, actual with { Roles = [], Domains = [] });
        Assert.Equal(expected.Roles.Order(), actual.Roles.Order());
        Assert.Equal(expected.Domains, actual.Domains);
    }

    [Fact]
    public async Task the_migration_creates_the_default_domain()
    {
        var domain = await Store.GetDomainAsync(DomainNames.Default, None);
        Assert.NotNull(domain);
        Assert.Contains(await Store.ListDomainsAsync(None), d => d.Name == DomainNames.Default);
    }

    [Fact]
    public async Task a_domain_name_is_unique()
    {
        var name = await NewDomainAsync();
        await ThrowsAsync(ErrorCode.ResourceAlreadyExists, () => Store.CreateDomainAsync(TestChange.Next(), new Domain(name, "again", "x", Now), None));
    }

    [Fact]
    public async Task a_domain_lists_its_members_and_counts_what_it_owns()
    {
        var domain = await NewDomainAsync();
        var user = await NewUserAsync(domains: [domain]);
        await fixture.Storage.Tracking.CreateExperimentAsync(TestChange.Next(), Unique("e"), null, TrackingService.DefaultArtifactRoot, domain, [], Now, None);
        await fixture.Storage.Tracking.CreateExperimentAsync(TestChange.Next(), Unique("e"), null, TrackingService.DefaultArtifactRoot, domain, [], Now, None);
        await fixture.Storage.Registry.CreateRegisteredModelAsync(TestChange.Next(), Unique("m"), "", [], user.Name, domain, Now, None);

        var details = await Store.GetDomainDetailsAsync(domain, None);
        Assert.NotNull(details);
        Assert.Equal([user.Name], details.Members);
        Assert.Equal(2, details.Experiments);
        Assert.Equal(1, details.RegisteredModels);
        Assert.Null(await Store.GetDomainDetailsAsync(Unique("missing"), None));
    }

    [Fact]
    public async Task a_user_reads_back_with_roles_and_domains_in_order()
    {
        var (first, second) = (await NewDomainAsync(), await NewDomainAsync());
        var created = await NewUserAsync(roles: [Role.MlEngineer, Role.Auditor], domains: [second, first]);
        var read = await Store.GetUserAsync(created.Name, None);
        Assert.NotNull(read);
        Assert.Equal("Someone", read.DisplayName);
        Assert.Equal("someone@example.org", read.Email);
        Assert.Equal([Role.MlEngineer, Role.Auditor], read.Roles.Order());
        Assert.Equal([second, first], read.Domains);
        Assert.True(read.Enabled);
        Assert.False(read.HasPassword);
        Assert.Equal("store-test", read.CreatedBy);
        AssertSameUser(created, read);
    }

    [Fact]
    public async Task a_user_name_is_unique()
    {
        var user = await NewUserAsync();
        await ThrowsAsync(ErrorCode.ResourceAlreadyExists, () => NewUserAsync(user.Name));
    }

    [Fact]
    public async Task users_list_by_name()
    {
        var names = new[] { "zz-" + Unique("u"), "aa-" + Unique("u") };
        foreach (var name in names) await NewUserAsync(name);
        var listed = (await Store.ListUsersAsync(None)).Select(u => u.Name).ToList();
        Assert.Equal(listed.Order(StringComparer.Ordinal), listed);
        Assert.Subset(listed.ToHashSet(), names.ToHashSet());
    }

    [Fact]
    public async Task an_update_changes_only_what_it_names()
    {
        var domain = await NewDomainAsync();
        var user = await NewUserAsync(domains: [domain]);
        var renamed = await Store.UpdateUserAsync(TestChange.Next(), user.Name, new UserUpdate("New Name", null, null, null, null, 2000), None);
        Assert.Equal("New Name", renamed.DisplayName);
        Assert.Equal(user.Email, renamed.Email);
        Assert.Equal(user.Roles, renamed.Roles);
        Assert.Equal(user.Domains, renamed.Domains);
        Assert.Equal(2000, renamed.UpdatedAt);

        var other = await NewDomainAsync();
        var moved = await Store.UpdateUserAsync(TestChange.Next(), user.Name, new UserUpdate(null, "", [Role.Executive], [other, domain], false, 3000), None);
        Assert.Null(moved.Email);
        Assert.Equal([Role.Executive], moved.Roles);
        Assert.Equal([other, domain], moved.Domains);
        Assert.False(moved.Enabled);
        Assert.Equal("New Name", moved.DisplayName);
    }

    [Fact]
    public async Task updating_a_missing_user_is_not_found() =>
        await ThrowsAsync(ErrorCode.ResourceDoesNotExist, () => Store.UpdateUserAsync(TestChange.Next(), Unique("ghost"), new UserUpdate("x", null, null, null, null, 1), None));

    [Fact]
    public async Task the_last_enabled_admin_cannot_be_disabled_or_demoted_and_nothing_changes()
    {
        // Tests in this class share a database: disable every other admin first.
        foreach (var other in (await Store.ListUsersAsync(None)).Where(u => u.Enabled && u.Roles.Contains(Role.Admin)))
        {
            await Store.UpdateUserAsync(TestChange.Next(), other.Name, new UserUpdate(null, null, [Role.Auditor], null, null, 1), None);
        }

        var admin = await NewUserAsync(roles: [Role.Admin]);
        var error = await ThrowsAsync(ErrorCode.InvalidParameterValue, () => Store.UpdateUserAsync(TestChange.Next(), admin.Name, new UserUpdate("Renamed", null, null, null, false, 5), None));
        Assert.Contains("last enabled admin", error.Message, StringComparison.Ordinal);
        await ThrowsAsync(ErrorCode.InvalidParameterValue, () => Store.UpdateUserAsync(TestChange.Next(), admin.Name, new UserUpdate(null, null, [Role.Auditor], null, null, 5), None));
        AssertSameUser(admin, (await Store.GetUserAsync(admin.Name, None))!);
        Assert.True(await Store.HasEnabledAdminAsync(None));

        var second = await NewUserAsync(roles: [Role.Admin]);
        var disabled = await Store.UpdateUserAsync(TestChange.Next(), admin.Name, new UserUpdate(null, null, null, null, false, 6), None);
        Assert.False(disabled.Enabled);
        await ThrowsAsync(ErrorCode.InvalidParameterValue, () => Store.UpdateUserAsync(TestChange.Next(), second.Name, new UserUpdate(null, null, null, null, false, 7), None));
    }

    [Fact]
    public async Task a_password_hash_is_stored_for_the_user()
    {
        var user = await NewUserAsync();
        Assert.Null((await Store.GetUserWithPasswordAsync(user.Name, None))!.Value.PasswordHash);
        await Store.SetPasswordHashAsync(TestChange.Next(), user.Name, "pbkdf2-sha256$1$AA==$AA==", 5000, None);
        var stored = await Store.GetUserWithPasswordAsync(user.Name, None);
        Assert.Equal("pbkdf2-sha256$1$AA==$AA==", stored!.Value.PasswordHash);
        Assert.True(stored.Value.User.HasPassword);
        Assert.Null(await Store.GetUserWithPasswordAsync(Unique("ghost"), None));
        await ThrowsAsync(ErrorCode.ResourceDoesNotExist, () => Store.SetPasswordHashAsync(TestChange.Next(), Unique("ghost"), "x", 1, None));
    }

    [Fact]
    public async Task a_token_is_found_by_the_hash_of_its_secret_with_its_user()
    {
        var user = await NewUserAsync();
        var hash = ApiTokens.Hash(ApiTokens.NewSecret());
        var created = await Store.CreateTokenAsync(TestChange.Next(), new NewApiToken(ApiTokens.NewId(), user.Name, "ci", "for CI", hash, "store-test", 1000, 9000), None);
        Assert.Equal(new ApiToken(created.Id, user.Name, "ci", "for CI", "store-test", 1000, 9000, null, null, null), created);

        var found = await Store.FindTokenAsync(hash, None);
        Assert.NotNull(found);
        Assert.Equal(created, found.Value.Token);
        Assert.Equal(user.Name, found.Value.User.Name);
        Assert.Null(await Store.FindTokenAsync(ApiTokens.Hash(ApiTokens.NewSecret()), None));
    }

    [Fact]
    public async Task the_database_holds_the_hash_it_was_given_and_no_other_column_carries_it()
    {
        var user = await NewUserAsync();
        var hash = ApiTokens.Hash(ApiTokens.NewSecret());
        var token = await Store.CreateTokenAsync(TestChange.Next(), new NewApiToken(ApiTokens.NewId(), user.Name, "ci", "", hash, "store-test", 1000, null), None);
        var row = Assert.Single(await RawSql.QueryAsync(fixture.Options, $"SELECT * FROM api_tokens WHERE token_id = '{token.Id}'"));
        Assert.Equal(hash, row["secret_sha256"]);
        Assert.Single(row, column => Equals(column.Value, hash));
    }

    [Fact]
    public async Task tokens_list_newest_first()
    {
        var user = await NewUserAsync();
        foreach (var (name, at) in new[] { ("old", 1000L), ("new", 3000L), ("mid", 2000L) })
        {
            await Store.CreateTokenAsync(TestChange.Next(), new NewApiToken(ApiTokens.NewId(), user.Name, name, "", ApiTokens.Hash(ApiTokens.NewSecret()), "store-test", at, null), None);
        }

        Assert.Equal(["new", "mid", "old"], (await Store.ListTokensAsync(user.Name, None)).Select(t => t.Name));
    }

    [Fact]
    public async Task a_revoked_token_keeps_the_first_revocation()
    {
        var user = await NewUserAsync();
        var token = await Store.CreateTokenAsync(TestChange.Next(), new NewApiToken(ApiTokens.NewId(), user.Name, "ci", "", ApiTokens.Hash(ApiTokens.NewSecret()), "store-test", 1000, null), None);
        var revoked = await Store.RevokeTokenAsync(TestChange.Next(), user.Name, token.Id, "admin", 5000, None);
        Assert.Equal((5000L, "admin"), (revoked.RevokedAt!.Value, revoked.RevokedBy!));
        var again = await Store.RevokeTokenAsync(TestChange.Next(), user.Name, token.Id, "someone-else", 6000, None);
        Assert.Equal((5000L, "admin"), (again.RevokedAt!.Value, again.RevokedBy!));
    }

    [Fact]
    public async Task a_token_is_revoked_only_through_its_own_user()
    {
        var (owner, other) = (await NewUserAsync(), await NewUserAsync());
        var token = await Store.CreateTokenAsync(TestChange.Next(), new NewApiToken(ApiTokens.NewId(), owner.Name, "ci", "", ApiTokens.Hash(ApiTokens.NewSecret()), "store-test", 1000, null), None);
        await ThrowsAsync(ErrorCode.ResourceDoesNotExist, () => Store.RevokeTokenAsync(TestChange.Next(), other.Name, token.Id, "x", 2000, None));
        Assert.False(Assert.Single(await Store.ListTokensAsync(owner.Name, None)).IsRevoked);
    }

    [Fact]
    public async Task recording_a_tokens_use_appends_no_ledger_entry()
    {
        var user = await NewUserAsync();
        var token = await Store.CreateTokenAsync(TestChange.Next(), new NewApiToken(ApiTokens.NewId(), user.Name, "ci", "", ApiTokens.Hash(ApiTokens.NewSecret()), "store-test", 1000, null), None);
        var before = (await fixture.Storage.Ledger.GetStateAsync(None)).TreeSize;
        // Straight on the store, with no ledger change: bookkeeping must not need one.
        await fixture.Storage.Inner.Identities.RecordTokenUseAsync(token.Id, 7000, None);
        Assert.Equal(before, (await fixture.Storage.Ledger.GetStateAsync(None)).TreeSize);
        Assert.Equal(7000, Assert.Single(await Store.ListTokensAsync(user.Name, None)).LastUsedAt);
    }

    [Fact]
    public async Task each_identity_change_is_one_ledger_entry()
    {
        var before = (await fixture.Storage.Ledger.GetStateAsync(None)).TreeSize;
        var user = await NewUserAsync();
        await Store.UpdateUserAsync(TestChange.Next(), user.Name, new UserUpdate("X", null, null, null, null, 2), None);
        var entries = await fixture.Storage.Ledger.ListEntriesAsync(new AuditEntryQuery(before, null, 10), None);
        Assert.Equal(["test.store", "test.store"], entries.Select(e => e.Action));
    }

    [Fact]
    public async Task a_run_is_in_the_domain_of_its_experiment_and_moves_with_it()
    {
        var (first, second) = (await NewDomainAsync(), await NewDomainAsync());
        var tracking = fixture.Storage.Tracking;
        var experimentId = await tracking.CreateExperimentAsync(TestChange.Next(), Unique("e"), null, TrackingService.DefaultArtifactRoot, first, [], Now, None);
        var run = await tracking.CreateRunAsync(TestChange.Next(), new NewRun(Guid.NewGuid().ToString("N"), experimentId, "r", "alice", 0, []), None);
        Assert.Equal(first, (await tracking.GetExperimentAsync(experimentId, None))!.Domain);
        Assert.Equal(first, await tracking.GetRunDomainAsync(run.Info.RunId, None));

        await tracking.SetExperimentDomainAsync(TestChange.Next(), experimentId, second, Now, None);
        Assert.Equal(second, await tracking.GetRunDomainAsync(run.Info.RunId, None));
        Assert.Null(await tracking.GetRunDomainAsync(Guid.NewGuid().ToString("N"), None));
    }

    [Fact]
    public async Task a_model_keeps_its_domain_and_moves_with_its_versions()
    {
        var (first, second) = (await NewDomainAsync(), await NewDomainAsync());
        var registry = fixture.Storage.Registry;
        var name = Unique("m");
        var model = await registry.CreateRegisteredModelAsync(TestChange.Next(), name, "", [], "alice", first, Now, None);
        Assert.Equal(first, model.Domain);
        Assert.Equal(first, await registry.GetModelDomainAsync(name, None));
        Assert.Equal(second, (await registry.SetModelDomainAsync(TestChange.Next(), name, second, Now, None)).Domain);
        Assert.Equal(second, (await registry.GetRegisteredModelAsync(name, None))!.Domain);
        Assert.Null(await registry.GetModelDomainAsync(Unique("missing"), None));
    }
}

public sealed class SqliteIdentityStoreTests(SqliteFixture fixture) : IdentityStoreContract(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresIdentityStoreTests(PostgresFixture fixture) : IdentityStoreContract(fixture), IClassFixture<PostgresFixture>;
