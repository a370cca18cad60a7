using ClassVisCloud.Api;
using ClassVisCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ClassVisCloud.Functions.Dynamics;

public sealed class GetEpochSuspects(DynamicsApi api)
{
    [Function(nameof(GetEpochSuspects))]
    public async Task<IActionResult> Run(
        [HttpTrigger(ApiAccess.HostLevel, "get", Route = "runs/{run}/epochs/{epoch}/suspects")] HttpRequest request,
        string run, string epoch,
        CancellationToken cancellationToken) =>
        new ApiResult(await api.SuspectsAsync(run, epoch, request.Query("split"), request.Query("limit"), request.IfNoneMatch(), cancellationToken));
}
