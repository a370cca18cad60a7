using System.IO.Compression;
using System.Net.Http.Headers;
using ClassVisCloud.Integration.Tests.Api.Export;
using ClassVisCloud.Integration.Tests.Infrastructure;

namespace ClassVisCloud.Integration.Tests.Functions;

/// <summary>Through a real HTTP server (the DevHost's Kestrel, which refuses synchronous writes): exports stream, chunked, compressed when asked.</summary>
public sealed class DevHostExportTests
{
    [Fact]
    public async Task The_DevHost_streams_every_export_chunked_and_gzipped_with_the_functions_bytes()
    {
        await using var storage = await TestStorage.CreateAsync();
        await storage.UploadRealRunAsync(RealRun.Name, RealRun.Files(maxEpoch: 4));
        await using var host = await DevHostProcess.StartAsync(storage);
        foreach (var file in ExportFiles.All)
        {
            var expected = await ExportFiles.GetAsync(storage, file);
            Assert.True(expected.Body.Length > 100, $"{file} has rows");

            using var request = new HttpRequestMessage(HttpMethod.Get, $"api/export/{file}");
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
            using var response = await host.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(200, (int)response.StatusCode);
            Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
            Assert.Null(response.Content.Headers.ContentLength);
            Assert.True(response.Headers.TransferEncodingChunked, $"{file} is sent as it is made");
            await using var body = new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
            var plain = new MemoryStream();
            await body.CopyToAsync(plain);
            Assert.Equal(expected.Body, plain.ToArray());
        }
        var error = await host.Client.GetAsync("api/export/classes.csv?run=no-such-run");
        Assert.Equal(404, (int)error.StatusCode);
        Assert.Equal("application/json", error.Content.Headers.ContentType?.MediaType);
    }
}
