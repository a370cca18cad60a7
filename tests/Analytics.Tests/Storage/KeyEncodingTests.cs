using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Analytics.Tests.Storage;

public sealed class KeyEncodingTests
{
    [Theory]
    [InlineData("validation", "validation")]
    [InlineData("a/b", "a~2Fb")]
    [InlineData("x#y?z\\w", "x~23y~3Fz~5Cw")]
    [InlineData("~", "~7E")]
    [InlineData("é", "~C3~A9")]
    public void Encode_keeps_plain_characters_and_escapes_the_rest(string value, string expected) =>
        Assert.Equal(expected, KeyEncoding.Encode(value));

    [Theory]
    [InlineData("' or PartitionKey ne '")]
    [InlineData("a/b#c?d\\e\u0001\u007f")]
    [InlineData("日本語 😀")]
    [InlineData("")]
    public void Encoded_values_decode_back_and_pass_the_real_services_key_rules(string value)
    {
        var key = KeyEncoding.Encode(value);
        TableLimits.CheckKey(key, "RowKey");
        Assert.Equal(value, KeyEncoding.Decode(key));
        Assert.DoesNotContain('\'', key);
    }

    [Fact]
    public void Different_values_never_share_a_key() =>
        Assert.NotEqual(KeyEncoding.Encode("a~2F"), KeyEncoding.Encode("a/"));
}
