namespace ClassVisCloud.Analytics.Contract;

/// <summary>
/// A file or manifest breaks the run-output contract. The message is the user-facing reason
/// (it names the column, the first bad row counted from 0 in file order, and its sample id),
/// stored with the epoch's status and the ingest record. Never retried.
/// </summary>
public sealed class ContractViolationException(string reason) : Exception(reason);
