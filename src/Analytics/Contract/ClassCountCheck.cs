namespace ClassVisCloud.Analytics.Contract;

/// <summary>Every epoch of a run has the same C: the manifest's, and that of the epochs already ingested.</summary>
internal sealed class ClassCountCheck(ReadContext context)
{
    public void Check(int classCount)
    {
        if (classCount > ContractLimits.MaxClasses)
            throw new ContractViolationException($"the file has {classCount} classes, more than the {ContractLimits.MaxClasses} supported");
        if (context.Manifest?.Classes is { } classes && classes.Count != classCount)
            throw new ContractViolationException($"the file has {classCount} classes but run.json has {classes.Count}");
        if (context.KnownClassCount is int known && known != classCount)
            throw new ContractViolationException($"the file has {classCount} classes but the run's epochs have {known}");
    }
}
