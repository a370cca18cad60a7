using Parquet;
using Parquet.Schema;

namespace ClassVisCloud.Analytics.Tests.Contract.TestFiles;

/// <summary>One column of a test file: its Parquet.Net field and how to write a slice of rows of it.</summary>
internal sealed class TestColumn(Field field, Func<ParquetRowGroupWriter, int, int, Task> write)
{
    public Field Field { get; } = field;

    public Task WriteAsync(ParquetRowGroupWriter group, int start, int count) => write(group, start, count);

    public static TestColumn Strings(string name, string?[] values, bool nullable)
    {
        var field = new DataField<string>(name, nullable || values.Any(v => v is null));
        return new TestColumn(field, (group, start, count) => group.WriteAsync(field, values.Skip(start).Take(count).ToArray(), null));
    }

    public static TestColumn Integers(string name, long?[] values, bool nullable)
    {
        if (nullable || values.Any(v => v is null))
        {
            var optional = new DataField<long?>(name, true);
            return new TestColumn(optional, (group, start, count) =>
                group.WriteAsync<long>(optional, values.AsMemory(start, count), null, null!, default));
        }
        var required = new DataField<long>(name, false);
        var plain = values.Select(v => v!.Value).ToArray();
        return new TestColumn(required, (group, start, count) => group.WriteAsync<long>(required, plain.AsMemory(start, count), null, null!, default));
    }

    public static TestColumn Numbers(string name, double?[] values, bool asDouble, bool nullable)
    {
        bool optional = nullable || values.Any(v => v is null);
        return asDouble
            ? Leaf(new DataField<double>(name, optional), values, v => v)
            : Leaf(new DataField<float>(name, optional), values, v => (float)v);
    }

    /// <summary>A list column with levels computed here, so null lists, empty lists and null elements can be written.</summary>
    public static TestColumn ScoreList(string name, double?[]?[] rows, PredictionsFileOptions options)
    {
        bool elementNullable = options.Nullable || rows.Any(r => r is not null && r.Any(v => v is null));
        DataField element = options.DoubleScores
            ? new DataField<double>(options.ListElementName, elementNullable)
            : new DataField<float>(options.ListElementName, elementNullable);
        var list = new ListField(name, element);
        return new TestColumn(list, (group, start, count) => options.DoubleScores
            ? WriteList(group, element, rows.AsMemory(start, count), elementNullable, v => v)
            : WriteList(group, element, rows.AsMemory(start, count), elementNullable, v => (float)v));
    }

    private static TestColumn Leaf<T>(DataField field, double?[] values, Func<double, T> convert) where T : struct
    {
        var converted = values.Select(v => v is double d ? convert(d) : (T?)null).ToArray();
        if (field.IsNullable)
            return new(field, (group, start, count) => group.WriteAsync<T>(field, converted.AsMemory(start, count), null, null!, default));
        var required = converted.Select(v => v!.Value).ToArray();
        return new(field, (group, start, count) => group.WriteAsync<T>(field, required.AsMemory(start, count), null, null!, default));
    }

    // Levels of an optional list (0 null list, 1 empty) of possibly optional elements (2 null, 3 value).
    private static Task WriteList<T>(ParquetRowGroupWriter group, DataField element, ReadOnlyMemory<double?[]?> rows,
        bool elementNullable, Func<double, T> convert) where T : struct
    {
        int valueLevel = elementNullable ? 3 : 2;
        var values = new List<T>();
        var definition = new List<int>();
        var repetition = new List<int>();
        foreach (var row in rows.Span)
        {
            if (row is null or [])
            {
                definition.Add(row is null ? 0 : 1);
                repetition.Add(0);
                continue;
            }
            for (int i = 0; i < row.Length; i++)
            {
                repetition.Add(i == 0 ? 0 : 1);
                definition.Add(row[i] is null ? 2 : valueLevel);
                if (row[i] is double value) values.Add(convert(value));
            }
        }
        return group.WriteAllPartsAsync<T>(element, values.ToArray(), definition.ToArray(), repetition.ToArray(), default);
    }
}
