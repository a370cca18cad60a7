using ClassVisCloud.Api;
using ClassVisCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ClassVisCloud.Functions.Epochs;

public sealed class GetEpochConfusion(EpochApi api)
{
    [Function(nameof(GetEpochConfusion))]
    public async Task<IActionResult> Run(
        [HttpTrigger(ApiAccess.HostLevel, "get", Route = "runs/{run}/epochs/{epoch}/confusion")] HttpRequest request,
        string run, string epoch,
        CancellationToken cancellationToken) =>
        new ApiResult(await api.ConfusionAsync(run, epoch, request.Query("split"), request.IfNoneMatch(), cancellationToken));
}
