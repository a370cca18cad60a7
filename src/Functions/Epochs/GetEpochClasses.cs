using ClassVisCloud.Api;
using ClassVisCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ClassVisCloud.Functions.Epochs;

public sealed class GetEpochClasses(EpochApi api)
{
    [Function(nameof(GetEpochClasses))]
    public async Task<IActionResult> Run(
        [HttpTrigger(ApiAccess.HostLevel, "get", Route = "runs/{run}/epochs/{epoch}/classes")] HttpRequest request,
        string run, string epoch,
        CancellationToken cancellationToken) =>
        new ApiResult(await api.ClassesAsync(run, epoch, request.Query("split"), request.IfNoneMatch(), cancellationToken));
}
