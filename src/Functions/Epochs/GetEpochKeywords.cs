using ClassVisCloud.Api;
using ClassVisCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ClassVisCloud.Functions.Epochs;

public sealed class GetEpochKeywords(SampleApi api)
{
    [Function(nameof(GetEpochKeywords))]
    public async Task<IActionResult> Run(
        [HttpTrigger(ApiAccess.HostLevel, "get", Route = "runs/{run}/epochs/{epoch}/keywords")] HttpRequest request,
        string run, string epoch,
        CancellationToken cancellationToken) =>
        new ApiResult(await api.KeywordsAsync(run, epoch, request.Query("split"), request.Query("top"), request.IfNoneMatch(), cancellationToken));
}
