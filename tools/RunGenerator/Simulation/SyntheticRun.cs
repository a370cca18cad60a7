using System.Globalization;

namespace ClassVisCloud.RunGenerator.Simulation;

/// <summary>
/// The ground truth of a generated run: each sample's id, split, label, the class its report really
/// describes, how hard it is, and the confused pair. Tests and benchmarks use it to check what the
/// product finds; the writers use it to produce the files.
/// </summary>
public sealed class SyntheticRun
{
    public const string TrainSplit = "train";
    public const string ValidationSplit = "validation";

    private readonly int[] _labels;
    private readonly int[] _apparent;
    private readonly int[] _distractor;
    private readonly float[] _hardness;
    private readonly bool[] _validation;
    private readonly string _idFormat;

    private SyntheticRun(RunSpec spec)
    {
        Spec = spec;
        Classes = PrimarySiteCatalog.Take(spec.Classes);
        ClassNames = Classes.Select(c => c.Code).ToArray();
        ConfusedPair = spec.Classes >= 3 ? (1, 2) : (0, 1); // C50.4 and C50.8, as in the paper
        Curve = new LearningCurve(spec.Epochs);
        _idFormat = "D" + Math.Max(6, (spec.Samples - 1).ToString(CultureInfo.InvariantCulture).Length);

        var sampler = new ClassSampler(Classes.Select(c => c.Frequency).ToArray());
        _labels = sampler.Labels(spec.Samples, spec.Seed);
        _validation = StratifiedSplit(_labels, spec.Classes, spec.ValidationFraction);
        _apparent = new int[spec.Samples];
        _distractor = new int[spec.Samples];
        _hardness = new float[spec.Samples];
        for (var i = 0; i < spec.Samples; i++)
            DrawSample(i, sampler);
        AttentionSamples = spec.Attention
            ? Enumerable.Range(0, spec.Samples).Where(i => _validation[i]).Take(spec.AttentionSamples).ToArray()
            : [];
    }

    public static SyntheticRun Create(RunSpec spec)
    {
        spec.Validate();
        return new SyntheticRun(spec);
    }

    public RunSpec Spec { get; }
    public IReadOnlyList<PrimarySite> Classes { get; }
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The two classes the model keeps confusing (a sizeable share of each is predicted as the other).</summary>
    public (int First, int Second) ConfusedPair { get; }

    public LearningCurve Curve { get; }
    public int SampleCount => _labels.Length;

    /// <summary>Samples that get attention rows, ascending: the first validation samples, up to the cap.</summary>
    public IReadOnlyList<int> AttentionSamples { get; }

    public string SampleId(int sample) => "r-" + sample.ToString(_idFormat, CultureInfo.InvariantCulture);

    public int Label(int sample) => _labels[sample];

    public bool IsValidation(int sample) => _validation[sample];

    public string Split(int sample) => _validation[sample] ? ValidationSplit : TrainSplit;

    /// <summary>The class the sample's report describes and the model learns; differs from the label when the label is noisy.</summary>
    public int ApparentClass(int sample) => _apparent[sample];

    public bool IsNoisy(int sample) => _apparent[sample] != _labels[sample];

    /// <summary>The wrong class the model leans to for this sample (for the confused pair: the other one of the pair).</summary>
    public int Distractor(int sample) => _distractor[sample];

    /// <summary>Training progress needed before the model gets the sample right; above 1 means never.</summary>
    public float Hardness(int sample) => _hardness[sample];

    /// <summary>The other class of the confused pair, or -1 for classes outside it.</summary>
    public int PartnerOf(int classIndex) =>
        classIndex == ConfusedPair.First ? ConfusedPair.Second
        : classIndex == ConfusedPair.Second ? ConfusedPair.First
        : -1;

    private void DrawSample(int sample, ClassSampler sampler)
    {
        var random = new CounterRandom(Spec.Seed, RandomPurpose.Hardness, sample);
        var label = _labels[sample];
        var apparent = label;
        if (random.NextDouble() < Spec.NoisyFraction)
            apparent = sampler.DrawOther(label, ref random);
        _apparent[sample] = apparent;

        var partner = PartnerOf(apparent);
        _distractor[sample] = partner >= 0 ? partner : sampler.DrawOther(apparent, ref random);
        // A quarter of the pair's samples stay beyond reach: that is the persistent confusion.
        var reach = partner >= 0 ? 1.35 : 1.05;
        _hardness[sample] = (float)(random.NextDouble() * reach);
    }

    /// <summary>Puts the same share of every class in validation, spread evenly through the sample order.</summary>
    private static bool[] StratifiedSplit(int[] labels, int classes, double fraction)
    {
        var seen = new int[classes];
        var validation = new bool[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            var k = labels[i];
            // Rounded rather than floored, so a class of three samples already gets one in validation.
            validation[i] = Math.Floor((seen[k] + 1) * fraction + 0.5) > Math.Floor(seen[k] * fraction + 0.5);
            seen[k]++;
        }
        return validation;
    }
}
