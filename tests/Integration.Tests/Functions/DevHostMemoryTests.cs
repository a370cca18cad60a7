using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ClassVisCloud.Analytics.Queries;
using ClassVisCloud.Integration.Tests.Infrastructure;
using ClassVisCloud.RunGenerator;
using Xunit.Abstractions;

namespace ClassVisCloud.Integration.Tests.Functions;

/// <summary>
/// The DevHost's memory under parallel reads, measured from outside as the issue measured it (peak resident set,
/// VmHWM): a fifth of the 1,000,000-sample case, with the memory budget cut to a fifth, must stay under a fifth of
/// 2 GiB. The full case is <c>bench -- memory</c> (not a test: a million rows take minutes to write and ingest).
/// </summary>
public sealed class DevHostMemoryTests(ITestOutputHelper output)
{
    const int Samples = 200_000;
    const int Classes = 70;
    const double Scale = Samples / 1_000_000.0;

    [Fact]
    public async Task Sixteen_parallel_reads_of_a_large_split_and_four_of_ten_thousand_score_vectors_stay_within_a_budget_that_scales()
    {
        if (!OperatingSystem.IsLinux()) return; // VmHWM is read from /proc
        await using var storage = await TestStorage.CreateAsync();
        var file = new MemoryStream();
        await new RunWriter(new RunSpec { Samples = Samples, Classes = Classes, Epochs = 1, Seed = 5, ValidationFraction = 0 }).WritePredictionsAsync(file, 1);
        await storage.UploadAndDeliverAsync("big/epoch-1.parquet", file.ToArray());
        var view = await RunView.LoadAsync(storage.Storage, "big", default);
        var epoch = Assert.Single(view.OkEpochs);
        var ids = await storage.Get<SampleSets>().GetAsync("big", epoch.Splits[epoch.SplitIndex("train")].SetHash);
        var scoreBodies = Enumerable.Range(0, 4).Select(j =>
        {
            var random = new Random(j);
            return JsonSerializer.Serialize(new { split = "train", sampleIds = Enumerable.Range(0, 10_000).Select(_ => ids[random.Next(ids.Length)]) });
        }).ToList();

        const long MiB = 1024 * 1024;
        await using var host = await DevHostProcess.StartAsync(storage, new Dictionary<string, string>
        {
            ["Memory__CacheMiB"] = $"{(int)(448 * Scale)}",
            ["Memory__AnswerCacheMiB"] = $"{(int)(192 * Scale)}",
            ["Memory__LoadMiB"] = $"{(int)(384 * Scale)}",
        });
        using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        var reads = Enumerable.Range(0, 16).Select(i => SendAsync(client, new HttpRequestMessage(HttpMethod.Get, "api/runs/big/epochs/1/samples?split=train" + (i % 2 == 1 ? "&format=arrow" : ""))));
        var scores = scoreBodies.Select(body => SendAsync(client, new HttpRequestMessage(HttpMethod.Post, "api/runs/big/epochs/1/scores")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        }));
        var answers = await Task.WhenAll(reads.Concat(scores));
        var peak = PeakResidentBytes(host.ProcessId);

        Assert.All(answers, a => Assert.Equal(200, a.Status));
        Assert.Single(answers.Take(16).Where((_, i) => i % 2 == 0).Select(a => a.Hash).Distinct());
        Assert.Single(answers.Take(16).Where((_, i) => i % 2 == 1).Select(a => a.Hash).Distinct());
        var limit = (long)(2048 * MiB * Scale);
        output.WriteLine($"peak resident set {peak / MiB} MiB (budget {limit / MiB} MiB)");
        Assert.True(peak < limit, $"the DevHost's peak resident set was {peak / MiB} MiB; the budget at {Samples:N0} samples is {limit / MiB} MiB");
    }

    static async Task<(int Status, string Hash)> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        using (var response = await client.SendAsync(request))
            return ((int)response.StatusCode, Convert.ToHexString(SHA256.HashData(await response.Content.ReadAsByteArrayAsync())));
    }

    static long PeakResidentBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0]) * 1024;
    }
}
