using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Steward.Ledger.Canonicalization;

namespace Steward.Ledger.Tests.Canonicalization;

public sealed class JsonCanonicalizerTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Fixtures", "jcs");

    [Theory]
    [InlineData("arrays")]
    [InlineData("french")]
    [InlineData("structures")]
    [InlineData("unicode")]
    [InlineData("values")]
    [InlineData("weird")]
    public void the_reference_test_data_canonicalizes_to_the_expected_bytes(string name)
    {
        var input = File.ReadAllBytes(Path.Combine(Root, "input", name + ".json"));
        var expected = File.ReadAllBytes(Path.Combine(Root, "output", name + ".json"));

        Assert.Equal(expected, JsonCanonicalizer.Canonicalize(input));
        using var document = JsonDocument.Parse(input);
        Assert.Equal(expected, JsonCanonicalizer.Canonicalize(document.RootElement));
        Assert.Equal(expected, JsonCanonicalizer.Canonicalize(JsonNode.Parse(input)));
    }

    [Fact]
    public void the_rfc_section_3_2_4_example_gives_the_published_utf8_bytes()
    {
        // RFC 8785 §3.2.4: the §3.2.2 input's canonical form, as hex bytes.
        const string expectedHex =
            "7b226c69746572616c73223a5b6e756c6c2c747275652c66616c73655d2c226e756d62657273223a" +
            "5b3333333333333333332e333333333333332c31652b33302c342e352c302e3030322c31652d3237" +
            "5d2c22737472696e67223a22e282ac245c75303030665c6e4127425c225c5c5c5c5c222f227d";
        var input = File.ReadAllBytes(Path.Combine(Root, "input", "values.json"));
        Assert.Equal(expectedHex, Convert.ToHexStringLower(JsonCanonicalizer.Canonicalize(input)));
    }

    [Fact]
    public void members_are_sorted_by_utf16_code_units_not_by_code_points_or_culture()
    {
        // By code point U+FB33 comes before U+1F600; in UTF-16 the emoji's lead surrogate
        // 0xD83D comes before 0xFB33, so JCS puts the emoji first.
        var json = """{"\ufb33":3,"\ud83d\ude00":2,"\u20ac":1,"a":0,"B":-1}"""u8;
        Assert.Equal("{\"B\":-1,\"a\":0,\"€\":1,\"😀\":2,\"\ufb33\":3}", Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(json)));
    }

    [Fact]
    public void strings_escape_only_what_json_requires_with_lowercase_hex()
    {
        var node = new JsonObject { ["s"] = "\u0000\u0001\b\t\n\u000b\f\r\u001f \"\\/\u007f\u2028é😀<>&'" };
        Assert.Equal(
            "{\"s\":\"\\u0000\\u0001\\b\\t\\n\\u000b\\f\\r\\u001f \\\"\\\\/\u007f\u2028é😀<>&'\"}",
            Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(node)));
    }

    [Fact]
    public void whitespace_disappears_and_arrays_keep_their_order()
    {
        var json = " [ 3 , { \"b\" : [ ] , \"a\" : { } } , \"x\" , 1.50 , -0 , 1E2 ] "u8;
        Assert.Equal("[3,{\"a\":{},\"b\":[]},\"x\",1.5,0,100]", Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(json)));
    }

    [Fact]
    public void nodes_give_the_same_bytes_whatever_clr_type_holds_a_value()
    {
        var fromClr = new JsonObject
        {
            ["long"] = 9007199254740993L, // beyond 2^53: becomes the nearest double, as in JavaScript
            ["decimal"] = 1.50m,
            ["int"] = 42,
            ["double"] = 0.1 + 0.2,
            ["float"] = 0.5f,
            ["bool"] = true,
            ["char"] = 'x',
            ["guid"] = Guid.Empty,
            ["null"] = null,
        };
        var parsed = JsonNode.Parse(fromClr.ToJsonString());

        var expected = "{\"bool\":true,\"char\":\"x\",\"decimal\":1.5,\"double\":0.30000000000000004,\"float\":0.5," +
            "\"guid\":\"00000000-0000-0000-0000-000000000000\",\"int\":42,\"long\":9007199254740992,\"null\":null}";
        Assert.Equal(expected, Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(fromClr)));
        Assert.Equal(expected, Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(parsed)));
    }

    [Fact]
    public void input_that_is_not_i_json_is_refused()
    {
        Assert.Throws<ArgumentException>(() => JsonCanonicalizer.Canonicalize("""{"a":1,"a":2}"""u8));
        Assert.Throws<ArgumentException>(() => JsonCanonicalizer.Canonicalize("""{"a":{"b":1,"b":1}}"""u8));
        Assert.Throws<ArgumentException>(() => JsonCanonicalizer.Canonicalize("""["\ud800"]"""u8));
        Assert.Throws<ArgumentException>(() => JsonCanonicalizer.Canonicalize("""{"\udc00x":1}"""u8));
        Assert.Throws<ArgumentException>(() => JsonCanonicalizer.Canonicalize("[1e400]"u8));
        Assert.Throws<ArgumentException>(() => JsonCanonicalizer.Canonicalize(new JsonArray(double.NaN)));
        Assert.Throws<ArgumentException>(() => JsonCanonicalizer.Canonicalize(new JsonArray(double.PositiveInfinity)));
        Assert.Throws<ArgumentException>(() => JsonCanonicalizer.Canonicalize(new JsonArray(float.NegativeInfinity)));
        Assert.Throws<ArgumentException>(() => JsonCanonicalizer.Canonicalize(JsonValue.Create("a\ud800b")));
        JsonNode deep = new JsonArray();
        for (int i = 0; i < 100; i++)
        {
            deep = new JsonArray(deep);
        }
        Assert.Throws<ArgumentException>(() => JsonCanonicalizer.Canonicalize(deep));
    }

    [Fact]
    public void a_string_argument_is_read_as_json_text_not_as_a_string_value()
    {
        Assert.Equal("{\"a\":1,\"b\":2}"u8.ToArray(), JsonCanonicalizer.Canonicalize("{ \"b\": 2, \"a\": 1 }"));
        Assert.Equal("\"{}\""u8.ToArray(), JsonCanonicalizer.Canonicalize(JsonValue.Create("{}")));
    }

    [Fact]
    public void text_that_is_not_one_json_value_is_refused()
    {
        Assert.ThrowsAny<JsonException>(() => JsonCanonicalizer.Canonicalize("{} {}"u8));
        Assert.ThrowsAny<JsonException>(() => JsonCanonicalizer.Canonicalize("{\"a\":1,}"u8));
        Assert.ThrowsAny<JsonException>(() => JsonCanonicalizer.Canonicalize("[1] // comment"u8));
    }
}
