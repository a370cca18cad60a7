using ClassVisCloud.Api;
using ClassVisCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ClassVisCloud.Functions.Runs;

public sealed class GetRun(RunsApi api)
{
    [Function(nameof(GetRun))]
    public async Task<IActionResult> Run(
        [HttpTrigger(ApiAccess.HostLevel, "get", Route = "runs/{run}")] HttpRequest request,
        string run,
        CancellationToken cancellationToken) =>
        new ApiResult(await api.GetRunAsync(run, cancellationToken));
}
