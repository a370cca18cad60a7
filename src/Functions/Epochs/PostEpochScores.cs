using ClassVisCloud.Api;
using ClassVisCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ClassVisCloud.Functions.Epochs;

public sealed class PostEpochScores(EpochApi api)
{
    [Function(nameof(PostEpochScores))]
    public async Task<IActionResult> Run(
        [HttpTrigger(ApiAccess.HostLevel, "post", Route = "runs/{run}/epochs/{epoch}/scores")] HttpRequest request,
        string run, string epoch,
        CancellationToken cancellationToken)
    {
        var body = await request.ReadBodyAsync(ApiArguments.MaxBodyBytes, cancellationToken);
        return new ApiResult(await api.ScoresAsync(run, epoch, body, cancellationToken));
    }
}
