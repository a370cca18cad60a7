using Parquet.Schema;

namespace ClassVisCloud.RunGenerator.Files;

/// <summary>The columns of epoch-N.parquet: sample_id, split, label, the scores (list or wide), epoch.</summary>
internal sealed class PredictionsSchema
{
    public PredictionsSchema(IReadOnlyList<string> classNames, ScoreLayout layout)
    {
        var fields = new List<Field> { SampleId, Split, Label };
        if (layout == ScoreLayout.List)
        {
            ScoresList = new ListField("scores", new DataField<float>("element"));
            fields.Add(ScoresList);
            ScoreColumns = [];
        }
        else
        {
            ScoreColumns = classNames.Select(name => new DataField<float>("score_" + name)).ToArray();
            fields.AddRange(ScoreColumns);
        }
        fields.Add(Epoch);
        Schema = new ParquetSchema(fields);
    }

    public DataField<string> SampleId { get; } = new("sample_id", false);
    public DataField<string> Split { get; } = new("split", false);
    public DataField<int> Label { get; } = new("label");
    public DataField<int> Epoch { get; } = new("epoch");

    /// <summary>The list form's column, or null in the wide form.</summary>
    public ListField? ScoresList { get; }

    /// <summary>The wide form's score_&lt;class&gt; columns, in class order; empty in the list form.</summary>
    public IReadOnlyList<DataField<float>> ScoreColumns { get; }

    public ParquetSchema Schema { get; }

    /// <summary>The leaf of the scores list (its values, repetition and definition levels are written there).</summary>
    public DataField ScoresElement => (DataField)ScoresList!.Item;
}
