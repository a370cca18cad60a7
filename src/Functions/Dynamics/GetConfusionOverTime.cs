using ClassVisCloud.Api;
using ClassVisCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ClassVisCloud.Functions.Dynamics;

public sealed class GetConfusionOverTime(ConfusionApi api)
{
    [Function(nameof(GetConfusionOverTime))]
    public async Task<IActionResult> Run(
        [HttpTrigger(ApiAccess.HostLevel, "get", Route = "runs/{run}/confusion-over-time")] HttpRequest request,
        string run,
        CancellationToken cancellationToken) =>
        new ApiResult(await api.OverTimeAsync(run, request.Query("split"), request.Query("top"), request.IfNoneMatch(), cancellationToken));
}
