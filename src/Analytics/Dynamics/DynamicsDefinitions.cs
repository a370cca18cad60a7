namespace ClassVisCloud.Analytics.Dynamics;

/// <summary>
/// The training-dynamics definitions, in one place. For a sample, over the logged epochs e1 &lt; … &lt; en ≤ E
/// in which it is present (same split, same id), with p_i = p(label) and c_i = (predicted = label) at e_i:
/// <list type="bullet">
/// <item>confidence = mean p_i; variability = population standard deviation of p_i; correctness = mean c_i
/// (Dataset Cartography, Swayamdipta et al. 2020);</item>
/// <item>forgettings = #{i ≥ 2 : c_(i−1) and not c_i}, counted over the sample's own logged epochs; never learned =
/// no c_i; firstLearned = e_j for the smallest j with c_j … c_n all true — the epoch from which it stayed learned,
/// as Toneva et al. 2019 call a sample learned for good — and none when c_n is false (never learned, or forgotten
/// at its last logged epoch);</item>
/// <item>margin_i = logit(label) − max other logit when the epoch's file had logits, else p(label) − max other p;
/// aum = mean margin_i (Pleiss et al. 2020); suspect = aum &lt; 0 (on average another class was preferred);</item>
/// <item>at the selected epoch E: selfConfidence = p(label) and normalizedMargin = (p(label) − max other p + 1) / 2,
/// cleanlab's ranking scores, always on probabilities;</item>
/// <item>likely = the most frequent predicted class (ties to the lowest index); mispredictions = n − Σ c_i.</item>
/// </list>
/// </summary>
public static class DynamicsDefinitions
{
    /// <summary>
    /// p(label) − max other p from the stored columns of one epoch. For probability files the stored margin is that
    /// already. For logit files it is the logit margin m, and softmax gives p_j / p(label) = exp(z_j − z_label): when
    /// m ≥ 0 the best other class has p(label)·exp(−m); when m &lt; 0 another class leads, so it is the predicted
    /// one and its probability is the stored score. With one class there is no other: the margin is p(label)
    /// (<see cref="Compute.Definitions.ProbabilityMargin"/>, the one rule), whatever the logit margin was stored as.
    /// </summary>
    public static float ProbabilityMargin(float labelProbability, float storedMargin, float score, bool logits, int classCount)
    {
        if (!logits) return storedMargin;
        if (classCount == 1) return Compute.Definitions.ProbabilityMargin([labelProbability], 0, 0);
        if (storedMargin < 0) return labelProbability - score;
        return (float)(labelProbability * (1 - Math.Exp(-storedMargin)));
    }

    /// <summary>(p(label) − max other p + 1) / 2: in [0, 1], below 0.5 when another class is more probable.</summary>
    public static float NormalizedMargin(float probabilityMargin) => (probabilityMargin + 1) / 2;

    public static bool IsSuspect(double areaUnderMargin) => areaUnderMargin < 0;
}
