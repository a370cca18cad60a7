using ClassVisCloud.Analytics.Api.Export;

namespace ClassVisCloud.Analytics.Tests.Api.Export;

public sealed class FormulaSafeTextTests
{
    [Theory]
    [InlineData("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0")]
    [InlineData("+1", "'+1")]
    [InlineData("@x", "'@x")]
    [InlineData("-2", "'-2")]
    [InlineData("\t=1", "'\t'=1")]
    [InlineData("'quoted", "''quoted")]
    [InlineData("a;=cmd", "a;'=cmd")]
    [InlineData("a,+1", "a,'+1")]
    [InlineData("line\n@x", "line\n'@x")]
    [InlineData("sci.space", "sci.space")]
    [InlineData("a-b=c", "a-b=c")]
    [InlineData("", "")]
    public void Encode_puts_a_mark_before_whatever_could_start_a_formula(string text, string expected) =>
        Assert.Equal(expected, FormulaSafeText.Encode(text));

    [Fact]
    public void Every_cell_Excel_or_a_semicolon_locale_could_read_as_a_formula_begins_with_a_mark()
    {
        foreach (var text in Texts("=+-@'\t\r\n,;a", 4))
        {
            var cell = FormulaSafeText.Encode(text);
            foreach (var part in cell.Split([',', ';', '\t', '\r', '\n']))
                Assert.False(part.Length > 0 && part[0] is '=' or '+' or '-' or '@', $"{Show(text)} gives a cell part {Show(part)}");
        }
    }

    [Fact]
    public void Decode_gives_back_every_text_exactly()
    {
        // Every string of up to 5 characters over the characters that matter: 11^5 = 161,051 texts.
        foreach (var text in Texts("=+-@'\t\r\n,;a", 5))
            Assert.True(FormulaSafeText.Decode(FormulaSafeText.Encode(text)) == text, $"{Show(text)} does not round-trip");
    }

    [Fact]
    public void The_one_line_regular_expression_the_guide_gives_undoes_it_as_well()
    {
        var undo = new System.Text.RegularExpressions.Regex("(^|[,;\t\r\n])'");
        foreach (var text in Texts("=+-@'\t\r\n,;a", 4))
            Assert.Equal(text, undo.Replace(FormulaSafeText.Encode(text), "$1"));
    }

    static IEnumerable<string> Texts(string alphabet, int maxLength)
    {
        IEnumerable<string> level = [""];
        for (var length = 0; length <= maxLength; length++)
        {
            foreach (var text in level) yield return text;
            level = level.SelectMany(t => alphabet.Select(c => t + c)).ToList();
        }
    }

    static string Show(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
