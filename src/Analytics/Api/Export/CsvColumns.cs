using System.Globalization;
using ClassVisCloud.Analytics.Queries;
using ClassVisCloud.Analytics.Queries.Exports;
using CsvHelper;
using CsvHelper.Configuration;
using CsvHelper.TypeConversion;

namespace ClassVisCloud.Analytics.Api.Export;

// The columns of each export, in API.md's names and order. Numbers use CsvHelper's invariant formatting (floats
// and doubles in their shortest round-trip form: exact, no rounding); text goes through FormulaSafeText.

sealed class RunColumns : ClassMap<RunSummary>
{
    public RunColumns()
    {
        Map(r => r.Run).Name("run").Text();
        Map(r => r.Name).Name("name").Text();
        Map(r => r.Classes).Name("classes");
        Map(r => r.Epochs).Name("epochs");
        Map(r => r.LastEpoch).Name("last_epoch");
        Map(r => r.Samples).Name("samples");
        Map(r => r.Status).Name("status").Text();
        Map(r => r.Updated).Name("updated").Convert(args => CsvText.UtcTime(args.Value.Updated));
    }
}

sealed class ClassColumns : ClassMap<ClassRow>
{
    public ClassColumns()
    {
        Map(r => r.Run).Name("run").Text();
        Map(r => r.ClassIndex).Name("class_index");
        Map(r => r.ClassName).Name("class_name").Text();
    }
}

sealed class EpochColumns : ClassMap<EpochSplitRow>
{
    public EpochColumns()
    {
        Map(r => r.Run).Name("run").Text();
        Map(r => r.Epoch).Name("epoch");
        Map(r => r.Split).Name("split").Text();
        Map(r => r.Status).Name("status").Text();
        Map(r => r.Samples).Name("samples");
        Map(r => r.Correct).Name("correct");
        Map(r => r.Accuracy).Name("accuracy");
        Map(r => r.Loss).Name("loss");
    }
}

sealed class ClassEpochColumns : ClassMap<ClassEpochRow>
{
    public ClassEpochColumns()
    {
        Map(r => r.Run).Name("run").Text();
        Map(r => r.Epoch).Name("epoch");
        Map(r => r.Split).Name("split").Text();
        Map(r => r.ClassIndex).Name("class_index");
        Map(r => r.ClassName).Name("class_name").Text();
        Map(r => r.Labelled).Name("labelled");
        Map(r => r.Predicted).Name("predicted");
        Map(r => r.Correct).Name("correct");
        Map(r => r.MeanScore).Name("mean_score");
    }
}

sealed class ConfusionColumns : ClassMap<ConfusionCellRow>
{
    public ConfusionColumns()
    {
        Map(r => r.Run).Name("run").Text();
        Map(r => r.Epoch).Name("epoch");
        Map(r => r.Split).Name("split").Text();
        Map(r => r.TrueIndex).Name("true_index");
        Map(r => r.TrueName).Name("true_name").Text();
        Map(r => r.PredictedIndex).Name("predicted_index");
        Map(r => r.PredictedName).Name("predicted_name").Text();
        Map(r => r.Count).Name("count");
    }
}

sealed class SuspectColumns : ClassMap<SuspectRow>
{
    public SuspectColumns()
    {
        Map(r => r.Run).Name("run").Text();
        Map(r => r.Epoch).Name("epoch");
        Map(r => r.Split).Name("split").Text();
        Map(r => r.Rank).Name("rank");
        Map(r => r.SampleId).Name("sample_id").Text();
        Map(r => r.LabelName).Name("label_name").Text();
        Map(r => r.LikelyName).Name("likely_name").Text();
        Map(r => r.Aum).Name("aum");
        Map(r => r.Confidence).Name("confidence");
        Map(r => r.Mispredictions).Name("mispredictions");
    }
}

static class CsvText
{
    /// <summary>A text column: formula-safe (<see cref="FormulaSafeText"/>).</summary>
    public static MemberMap Text(this MemberMap map) => map.TypeConverter<FormulaSafeConverter>();

    /// <summary>ISO 8601 UTC to the millisecond, as the JSON routes write times; empty when unknown.</summary>
    public static string UtcTime(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture) ?? "";

    sealed class FormulaSafeConverter : DefaultTypeConverter
    {
        public override string? ConvertToString(object? value, IWriterRow row, MemberMapData memberMapData) =>
            value is string text ? FormulaSafeText.Encode(text) : "";
    }
}
