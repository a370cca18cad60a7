namespace ClassVisCloud.RunGenerator.Simulation;

/// <summary>
/// How far training has got at an epoch, in [0, 1): rises fast, then flattens (1 − e^(−epoch/τ)),
/// with τ a quarter of the run so every run length ends on its plateau. Validation samples were never
/// trained on, so the model gets less far on them: the generalisation gap.
/// </summary>
public sealed class LearningCurve(int epochs)
{
    private const double ValidationShare = 0.9;

    private readonly double _tau = Math.Max(1.0, epochs / 4.0);

    public double Skill(int epoch, bool validation)
    {
        var skill = 1 - Math.Exp(-Math.Max(0, epoch) / _tau);
        return validation ? skill * ValidationShare : skill;
    }
}
