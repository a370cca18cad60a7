using ClassVisCloud.Api;
using ClassVisCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ClassVisCloud.Functions.Runs;

public sealed class ListRuns(RunsApi api)
{
    [Function(nameof(ListRuns))]
    public async Task<IActionResult> Run(
        [HttpTrigger(ApiAccess.HostLevel, "get", Route = "runs")] HttpRequest request,
        CancellationToken cancellationToken) =>
        new ApiResult(await api.ListRunsAsync(cancellationToken));
}
