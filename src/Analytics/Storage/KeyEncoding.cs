using System.Text;

namespace ClassVisCloud.Analytics.Storage;

/// <summary>
/// Turns user strings (split names, blob names, ETags) into Table key parts that the real service
/// accepts: it forbids '/', '\', '#', '?' and control characters, and filters treat some others
/// badly. Letters, digits, '-', '_' and '.' stay readable; every other UTF-8 byte becomes "~XX".
/// The mapping is injective, so two strings never share a key.
/// </summary>
public static class KeyEncoding
{
    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length + 8);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (IsPlain(b)) builder.Append((char)b);
            else builder.Append('~').Append(b.ToString("X2"));
        }
        return builder.ToString();
    }

    public static string Decode(string key)
    {
        var bytes = new List<byte>(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] == '~') { bytes.Add(Convert.ToByte(key.Substring(i + 1, 2), 16)); i += 2; }
            else bytes.Add((byte)key[i]);
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    static bool IsPlain(byte b) =>
        b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9'
            or (byte)'-' or (byte)'_' or (byte)'.';
}
