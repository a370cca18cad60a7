using ClassVisCloud.Api;
using ClassVisCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ClassVisCloud.Functions.Epochs;

public sealed class GetEpochSamples(EpochApi api)
{
    [Function(nameof(GetEpochSamples))]
    public async Task<IActionResult> Run(
        [HttpTrigger(ApiAccess.HostLevel, "get", Route = "runs/{run}/epochs/{epoch}/samples")] HttpRequest request,
        string run, string epoch,
        CancellationToken cancellationToken) =>
        new ApiResult(await api.SamplesAsync(run, epoch, request.Query("split"), request.Query("format"), request.IfNoneMatch(), cancellationToken));
}
