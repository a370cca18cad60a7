using System.Text.Json;

namespace ClassVisCloud.Analytics.Storage;

/// <summary>
/// The JSON of what is stored (an epoch's aggregates, a run's manifest). Stored data
/// is read back for as long as it exists, so it is written and read with these options only, never with the API's:
/// a change to the answers' JSON must not make stored data unreadable.
/// </summary>
public static class StoredJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
