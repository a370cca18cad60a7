using ClassVisCloud.Api.Export;
using ClassVisCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ClassVisCloud.Functions.Exports;

public sealed class ExportClassEpochs(ExportApi api)
{
    [Function(nameof(ExportClassEpochs))]
    public async Task<IActionResult> Run(
        [HttpTrigger(ApiAccess.HostLevel, "get", Route = "export/class-epochs.csv")] HttpRequest request,
        CancellationToken cancellationToken) =>
        new CsvResult(await api.ClassEpochsAsync(request.Query("run"), cancellationToken));
}
