using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Analytics.Tests.Storage;

public sealed class ColumnCodecTests
{
    [Fact]
    public void Strings_round_trip_including_empty_and_unicode()
    {
        string[] values = ["", "f-00001", "é😀", new string('x', 5000)];
        Assert.Equal(values, ColumnCodec.DecodeStrings(ColumnCodec.EncodeStrings(values)));
    }

    [Fact]
    public void Classes_round_trip_up_to_65535()
    {
        int[] values = [0, 1, 69, 65535];
        Assert.Equal(values, ColumnCodec.DecodeClasses(ColumnCodec.EncodeClasses(values)));
    }

    [Fact]
    public void Floats_round_trip_bit_for_bit()
    {
        float[] values = [0f, 1f, 0.1f, float.Epsilon, 0.99999994f];
        Assert.Equal(values, ColumnCodec.DecodeFloats(ColumnCodec.EncodeFloats(values)));
    }

    [Fact]
    public void A_bitmap_sets_exactly_the_chosen_bits()
    {
        var bitmap = ColumnCodec.EncodeBitmap(19, i => i % 3 == 0);
        Assert.Equal(3, bitmap.Length);
        for (var i = 0; i < 19; i++) Assert.Equal(i % 3 == 0, ColumnCodec.BitAt(bitmap, i));
    }

    [Fact]
    public void The_set_hash_tells_sample_sets_apart_and_is_stable()
    {
        Assert.Equal(ColumnCodec.SetHash(["a", "b"]), ColumnCodec.SetHash(["a", "b"]));
        Assert.NotEqual(ColumnCodec.SetHash(["a", "b"]), ColumnCodec.SetHash(["ab"]));
        Assert.NotEqual(ColumnCodec.SetHash(["a", "b"]), ColumnCodec.SetHash(["a", "c"]));
    }

    [Fact]
    public void The_set_hash_is_sha256_of_each_ids_length_and_utf8_bytes_across_buffer_boundaries()
    {
        // Epochs stored by earlier versions are aligned by this hash: its definition must never change.
        var ids = Enumerable.Range(0, 30_000).Select(i => $"sample-{i:D7}-é").Append(new string('x', 70_000)).Append("").ToArray();
        using var reference = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var id in ids)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(id);
            reference.AppendData(BitConverter.GetBytes(bytes.Length));
            reference.AppendData(bytes);
        }
        Assert.Equal(Convert.ToHexStringLower(reference.GetHashAndReset())[..32], ColumnCodec.SetHash(ids));
    }
}
