using ClassVisCloud.Api;
using ClassVisCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ClassVisCloud.Functions.Samples;

public sealed class GetSampleAttention(SampleApi api)
{
    [Function(nameof(GetSampleAttention))]
    public async Task<IActionResult> Run(
        [HttpTrigger(ApiAccess.HostLevel, "get", Route = "runs/{run}/samples/{sampleId}/attention")] HttpRequest request,
        string run, string sampleId,
        CancellationToken cancellationToken) =>
        new ApiResult(await api.AttentionAsync(run, RequestValues.PathValue(sampleId), request.Query("split"), request.Query("epoch"), request.IfNoneMatch(), cancellationToken));
}
