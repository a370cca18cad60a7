using Azure.Data.Tables;
using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Analytics.Tests.Storage;

public sealed class TableLimitsTests
{
    [Fact]
    public void A_property_over_64_KiB_is_refused_even_though_Azurite_would_take_it()
    {
        var entity = new TableEntity("p", "r") { ["d0"] = new byte[64 * 1024 + 1] };
        var error = Assert.Throws<InvalidOperationException>(() => TableLimits.Check(entity, entity));
        Assert.Contains("d0", error.Message);
    }

    [Fact]
    public void An_entity_over_1_MiB_is_refused()
    {
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < 17; i++) entity[$"d{i}"] = new byte[64_000];
        Assert.Throws<InvalidOperationException>(() => TableLimits.Check(entity, entity));
    }

    [Fact]
    public void More_than_252_properties_are_refused()
    {
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < 250; i++) entity[$"p{i}"] = 1;
        Assert.Throws<InvalidOperationException>(() => TableLimits.Check(entity, entity));
    }

    [Fact]
    public void A_full_column_entity_fits_the_limits()
    {
        var entity = new TableEntity("run|0000000000000000001|pversion", "s0-probs.00000") { ["len"] = 1L };
        for (var p = 0; p < TableLimits.PagesPerEntity; p++) entity[$"d{p}"] = new byte[TableLimits.PageBytes];
        TableLimits.Check(entity, entity);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\tb")]
    public void Keys_with_characters_the_service_forbids_are_refused(string key) =>
        Assert.Throws<InvalidOperationException>(() => TableLimits.CheckKey(key, "RowKey"));

    [Fact]
    public void A_key_over_1_KiB_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => TableLimits.CheckKey(new string('a', 1025), "PartitionKey"));
}
