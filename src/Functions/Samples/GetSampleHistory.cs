using ClassVisCloud.Api;
using ClassVisCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ClassVisCloud.Functions.Samples;

public sealed class GetSampleHistory(SampleApi api)
{
    [Function(nameof(GetSampleHistory))]
    public async Task<IActionResult> Run(
        [HttpTrigger(ApiAccess.HostLevel, "get", Route = "runs/{run}/samples/{sampleId}")] HttpRequest request,
        string run, string sampleId,
        CancellationToken cancellationToken) =>
        new ApiResult(await api.HistoryAsync(run, RequestValues.PathValue(sampleId), request.Query("split"), cancellationToken));
}
