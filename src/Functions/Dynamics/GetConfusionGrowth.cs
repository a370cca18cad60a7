using ClassVisCloud.Api;
using ClassVisCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ClassVisCloud.Functions.Dynamics;

public sealed class GetConfusionGrowth(ConfusionApi api)
{
    [Function(nameof(GetConfusionGrowth))]
    public async Task<IActionResult> Run(
        [HttpTrigger(ApiAccess.HostLevel, "get", Route = "runs/{run}/confusion-growth")] HttpRequest request,
        string run,
        CancellationToken cancellationToken) =>
        new ApiResult(await api.GrowthAsync(run, request.Query("split"), request.Query("k"), request.Query("top"), request.IfNoneMatch(), cancellationToken));
}
