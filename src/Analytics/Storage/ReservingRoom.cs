namespace ClassVisCloud.Analytics.Storage;

/// <summary>
/// A cache outside the domain (the API's answers) that an ingest also takes room from, as it does from the
/// decoded-data <see cref="ImmutableCache"/>: the ingest's own memory, the data cache and this cache then fit one
/// process's budget. Disposing the result gives the room back.
/// </summary>
public delegate IDisposable ReservingRoom(long bytes);
