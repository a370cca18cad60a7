using ClassVisCloud.Api.Export;
using ClassVisCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ClassVisCloud.Functions.Exports;

public sealed class ExportSuspects(ExportApi api)
{
    [Function(nameof(ExportSuspects))]
    public async Task<IActionResult> Run(
        [HttpTrigger(ApiAccess.HostLevel, "get", Route = "export/suspects.csv")] HttpRequest request,
        CancellationToken cancellationToken) =>
        new CsvResult(await api.SuspectsAsync(request.Query("run"), request.Query("epoch"), request.Query("split"), request.Query("limit"), cancellationToken));
}
