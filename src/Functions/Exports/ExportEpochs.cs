using ClassVisCloud.Api.Export;
using ClassVisCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ClassVisCloud.Functions.Exports;

public sealed class ExportEpochs(ExportApi api)
{
    [Function(nameof(ExportEpochs))]
    public async Task<IActionResult> Run(
        [HttpTrigger(ApiAccess.HostLevel, "get", Route = "export/epochs.csv")] HttpRequest request,
        CancellationToken cancellationToken) =>
        new CsvResult(await api.EpochsAsync(request.Query("run"), cancellationToken));
}
