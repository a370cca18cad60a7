using ClassVisCloud.Api;
using ClassVisCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ClassVisCloud.Functions.Dynamics;

public sealed class GetEpochDynamics(DynamicsApi api)
{
    [Function(nameof(GetEpochDynamics))]
    public async Task<IActionResult> Run(
        [HttpTrigger(ApiAccess.HostLevel, "get", Route = "runs/{run}/epochs/{epoch}/dynamics")] HttpRequest request,
        string run, string epoch,
        CancellationToken cancellationToken) =>
        new ApiResult(await api.DynamicsAsync(run, epoch, request.Query("split"), request.Query("format"), request.Query("columns"), request.IfNoneMatch(), cancellationToken));
}
