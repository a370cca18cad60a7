using ClassVisCloud.Api.Export;
using ClassVisCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ClassVisCloud.Functions.Exports;

public sealed class ExportRuns(ExportApi api)
{
    [Function(nameof(ExportRuns))]
    public async Task<IActionResult> Run(
        [HttpTrigger(ApiAccess.HostLevel, "get", Route = "export/runs.csv")] HttpRequest request,
        CancellationToken cancellationToken) =>
        new CsvResult(await api.RunsAsync(cancellationToken));
}
