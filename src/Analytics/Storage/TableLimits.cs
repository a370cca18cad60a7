using Azure.Data.Tables;

namespace ClassVisCloud.Analytics.Storage;

/// <summary>
/// The real Azure Table service's limits. Azurite is laxer (it accepted a 2.5 MiB entity on insert),
/// so every entity we write is checked here first: a breach is a bug of ours, never a silent cloud failure.
/// </summary>
public static class TableLimits
{
    public const int MaxPropertyBytes = 64 * 1024;
    public const int MaxEntityBytes = 1024 * 1024;
    public const int MaxProperties = 252;
    public const int MaxBatchEntities = 100;
    public const int MaxKeyChars = 1024;

    /// <summary>Binary bytes we put in one property: under the 64 KiB cap.</summary>
    public const int PageBytes = 64_000;

    /// <summary>
    /// Pages per entity: 11 × 64,000 bytes = 704,000 raw bytes, about 940 KB once base64-encoded on
    /// the wire, which also stays under Azurite's 1 MiB request cap for upserts.
    /// </summary>
    public const int PagesPerEntity = 11;

    /// <summary>Throws when an entity would be refused by the real service.</summary>
    public static void Check(ITableEntity entity, IDictionary<string, object?> properties)
    {
        CheckKey(entity.PartitionKey, "PartitionKey");
        CheckKey(entity.RowKey, "RowKey");
        if (properties.Count + 3 > MaxProperties)
            throw new InvalidOperationException($"Entity {entity.PartitionKey}/{entity.RowKey} has {properties.Count} properties; the limit is {MaxProperties - 3}.");
        long size = 4 + 2 * (entity.PartitionKey.Length + entity.RowKey.Length);
        foreach (var (name, value) in properties)
        {
            var valueSize = value switch
            {
                null => 0,
                byte[] bytes => bytes.Length,
                BinaryData data => data.ToMemory().Length,
                string text => 2 * text.Length,
                _ => 8,
            };
            if (valueSize > MaxPropertyBytes)
                throw new InvalidOperationException($"Property {name} of {entity.PartitionKey}/{entity.RowKey} holds {valueSize} bytes; the limit is {MaxPropertyBytes}.");
            size += 8 + 2 * name.Length + valueSize;
        }
        if (size > MaxEntityBytes)
            throw new InvalidOperationException($"Entity {entity.PartitionKey}/{entity.RowKey} is {size} bytes; the limit is {MaxEntityBytes}.");
    }

    /// <summary>Throws when a key holds a character the real service refuses.</summary>
    public static void CheckKey(string key, string which)
    {
        if (key.Length > MaxKeyChars)
            throw new InvalidOperationException($"{which} is {key.Length} characters; the limit is {MaxKeyChars}.");
        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
                throw new InvalidOperationException($"{which} '{key}' holds the forbidden character U+{(int)c:X4}.");
        }
    }
}
