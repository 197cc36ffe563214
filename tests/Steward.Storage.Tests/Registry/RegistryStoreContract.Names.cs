using Steward.Storage.Tests.Support;

namespace Steward.Storage.Tests.Registry;

/// <summary>The names a model has had, which the ledger knows it by.</summary>
public abstract partial class RegistryStoreContract
{
    [Fact]
    public async Task a_models_name_family_holds_every_name_it_had_and_outlives_its_deletion()
    {
        var model = await NewModelAsync();
        var (second, third) = (UniqueName(), UniqueName());
        await Store.RenameRegisteredModelAsync(TestChange.Next(), model.Name, second, 2000, None);
        await Store.RenameRegisteredModelAsync(TestChange.Next(), second, third, 3000, None);

        Assert.Equal(new[] { model.Name, second, third }.Order(), (await Store.ListNameFamilyAsync(third, None)).Order());
        Assert.Equal(third, (await Store.ListNameFamilyAsync(third, None))[0]);

        await Store.DeleteRegisteredModelAsync(TestChange.Next(), third, None);
        await NewModelAsync(second);
        Assert.Equal(new[] { model.Name, second, third }.Order(), (await Store.ListNameFamilyAsync(second, None)).Order());
    }

    [Fact]
    public async Task a_name_no_model_ever_had_is_its_own_family()
    {
        var name = UniqueName();
        Assert.Equal([name], await Store.ListNameFamilyAsync(name, None));
        var other = await NewModelAsync();
        Assert.Equal([other.Name], await Store.ListNameFamilyAsync(other.Name, None));
    }
}
