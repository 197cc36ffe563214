using Steward.Errors;

namespace Steward.Paging;

public sealed class PageTokenTests
{
    [Fact]
    public void token_round_trips_its_offset()
    {
        Assert.Equal(300, PageToken.Decode(PageToken.Encode(300)));
    }

    [Fact]
    public void token_is_base64_of_the_offset_json_that_mlflow_clients_expect()
    {
        Assert.Equal("eyJvZmZzZXQiOiAxMDB9", PageToken.Encode(100));
    }

    [Fact]
    public void token_that_is_not_base64_is_rejected()
    {
        var error = Assert.Throws<StewardException>(() => PageToken.Decode("bad"));
        Assert.Equal("Invalid page token, could not base64-decode", error.Message);
    }

    [Fact]
    public void base64_token_without_an_offset_is_rejected()
    {
        Assert.Throws<StewardException>(() => PageToken.Decode(Convert.ToBase64String("{\"x\":1}"u8.ToArray())));
    }

    [Fact]
    public void slice_gives_a_next_token_only_when_more_rows_exist()
    {
        var more = PageToken.Slice([1, 2, 3], offset: 10, maxResults: 2);
        var last = PageToken.Slice([1, 2], offset: 10, maxResults: 2);

        Assert.Equal([1, 2], more.Items);
        Assert.Equal(12, PageToken.Decode(more.NextPageToken));
        Assert.Null(last.NextPageToken);
    }
}
