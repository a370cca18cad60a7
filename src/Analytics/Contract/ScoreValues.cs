namespace ClassVisCloud.Analytics.Contract;

/// <summary>Checks one score as read (float or double) and narrows it to the float stored.</summary>
internal static class ScoreValues
{
    /// <summary>The value as float, or null with what is wrong with it ("a NaN", "an infinite value", ...).</summary>
    public static float? ToFloat(double value, out string? problem)
    {
        float narrowed = (float)value;
        problem = double.IsNaN(value) ? "a NaN"
            : double.IsInfinity(value) ? "an infinite value"
            : float.IsInfinity(narrowed) ? $"{value.ToString(System.Globalization.CultureInfo.InvariantCulture)}, beyond the float range"
            : null;
        return problem is null ? narrowed : null;
    }
}
