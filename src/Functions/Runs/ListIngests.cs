using ClassVisCloud.Api;
using ClassVisCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ClassVisCloud.Functions.Runs;

public sealed class ListIngests(RunsApi api)
{
    [Function(nameof(ListIngests))]
    public async Task<IActionResult> Run(
        [HttpTrigger(ApiAccess.HostLevel, "get", Route = "ingests")] HttpRequest request,
        CancellationToken cancellationToken) =>
        new ApiResult(await api.ListIngestsAsync(request.Query("run"), request.Query("limit"), cancellationToken));
}
