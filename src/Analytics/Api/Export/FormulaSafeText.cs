namespace ClassVisCloud.Analytics.Api.Export;

/// <summary>
/// Text cells that a spreadsheet could take for a formula are neutralised, losslessly. A cell is read as a formula
/// when it begins with = + - @ (or a tab or carriage return before one); and a spreadsheet whose list separator is
/// ';' (or that splits on tabs or lines) starts a new cell after such a character even inside a quoted field.
/// So a <c>'</c> goes in front of every = + - @ tab CR or <c>'</c> that begins the text or follows , ; tab CR LF:
/// the spreadsheet shows the text as typed, and because every such <c>'</c> is escaped too, the original comes
/// back by removing the one <c>'</c> that follows each of , ; tab CR LF, then a leading one (<see cref="Decode"/>;
/// docs/powerbi.md gives the same steps in Power Query).
/// </summary>
public static class FormulaSafeText
{
    const char Mark = '\'';

    static bool StartsFormula(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r' or Mark;

    static bool StartsCell(char c) => c is ',' or ';' or '\t' or '\r' or '\n';

    /// <summary>The separators after which a mark may stand, in the order <see cref="Decode"/> takes marks off (any order works).</summary>
    public static readonly string[] Separators = [",", ";", "\t", "\r", "\n"];

    public static string Encode(string text)
    {
        var marks = 0;
        for (var i = 0; i < text.Length; i++)
            if (NeedsMark(text, i)) marks++;
        if (marks == 0) return text;
        return string.Create(text.Length + marks, text, (span, source) =>
        {
            var at = 0;
            for (var i = 0; i < source.Length; i++)
            {
                if (NeedsMark(source, i)) span[at++] = Mark;
                span[at++] = source[i];
            }
        });
    }

    static bool NeedsMark(string text, int i) => StartsFormula(text[i]) && (i == 0 || StartsCell(text[i - 1]));

    /// <summary>The text <see cref="Encode"/> was given: each separator's following mark removed, then a leading mark.</summary>
    public static string Decode(string cell)
    {
        foreach (var separator in Separators) cell = cell.Replace(separator + Mark, separator, StringComparison.Ordinal);
        return cell.Length > 0 && cell[0] == Mark ? cell[1..] : cell;
    }
}
