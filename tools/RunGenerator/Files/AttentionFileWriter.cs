using ClassVisCloud.RunGenerator.Simulation;
using Parquet;
using Parquet.Schema;

namespace ClassVisCloud.RunGenerator.Files;

/// <summary>
/// Writes attention/epoch-N.parquet: one row per token of each attention sample's report, in sample, sentence,
/// position order, streaming row groups so big runs stay in bounded memory.
/// </summary>
public sealed class AttentionFileWriter(SyntheticRun run)
{
    private const int RowsPerGroup = 250_000;

    private readonly DataField<string> _sampleId = new("sample_id", false);
    private readonly DataField<int> _sentence = new("sentence");
    private readonly DataField<int> _position = new("position");
    private readonly DataField<string> _token = new("token", false);
    private readonly DataField<float> _wordWeight = new("word_weight");
    private readonly DataField<float> _sentenceWeight = new("sentence_weight");

    public async Task WriteAsync(Stream output, int epoch, CancellationToken cancellationToken = default)
    {
        var schema = new ParquetSchema(_sampleId, _sentence, _position, _token, _wordWeight, _sentenceWeight);
        await using var writer = await ParquetWriter.CreateAsync(
            schema, output, run.Spec.Compression.ToParquetOptions(), cancellationToken: cancellationToken);
        var rows = new TokenRows();
        foreach (var sample in run.AttentionSamples)
        {
            var report = PathologyReport.Compose(run, sample);
            var attention = AttentionModel.Weigh(run, sample, epoch, report);
            var id = run.SampleId(sample);
            for (var s = 0; s < report.Count; s++)
                for (var t = 0; t < report[s].Tokens.Count; t++)
                    rows.Add(id, s, t, report[s].Tokens[t], attention.WordWeights[s][t], attention.SentenceWeights[s]);
            if (rows.Count >= RowsPerGroup)
                await FlushAsync(writer, rows, cancellationToken);
        }
        if (rows.Count > 0)
            await FlushAsync(writer, rows, cancellationToken);
    }

    private async Task FlushAsync(ParquetWriter writer, TokenRows rows, CancellationToken cancellationToken)
    {
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(_sampleId, rows.SampleIds);
        await group.WriteAsync<int>(_sentence, rows.Sentences.ToArray(), cancellationToken: cancellationToken);
        await group.WriteAsync<int>(_position, rows.Positions.ToArray(), cancellationToken: cancellationToken);
        await group.WriteAsync(_token, rows.Tokens);
        await group.WriteAsync<float>(_wordWeight, rows.WordWeights.ToArray(), cancellationToken: cancellationToken);
        await group.WriteAsync<float>(_sentenceWeight, rows.SentenceWeights.ToArray(), cancellationToken: cancellationToken);
        group.CompleteValidate();
        rows.Clear();
    }

    private sealed class TokenRows
    {
        public List<string> SampleIds { get; } = [];
        public List<int> Sentences { get; } = [];
        public List<int> Positions { get; } = [];
        public List<string> Tokens { get; } = [];
        public List<float> WordWeights { get; } = [];
        public List<float> SentenceWeights { get; } = [];
        public int Count => SampleIds.Count;

        public void Add(string sampleId, int sentence, int position, string token, float wordWeight, float sentenceWeight)
        {
            SampleIds.Add(sampleId);
            Sentences.Add(sentence);
            Positions.Add(position);
            Tokens.Add(token);
            WordWeights.Add(wordWeight);
            SentenceWeights.Add(sentenceWeight);
        }

        public void Clear()
        {
            SampleIds.Clear();
            Sentences.Clear();
            Positions.Clear();
            Tokens.Clear();
            WordWeights.Clear();
            SentenceWeights.Clear();
        }
    }
}
