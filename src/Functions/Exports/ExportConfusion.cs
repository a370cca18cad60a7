using ClassVisCloud.Api.Export;
using ClassVisCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ClassVisCloud.Functions.Exports;

public sealed class ExportConfusion(ExportApi api)
{
    [Function(nameof(ExportConfusion))]
    public async Task<IActionResult> Run(
        [HttpTrigger(ApiAccess.HostLevel, "get", Route = "export/confusion.csv")] HttpRequest request,
        CancellationToken cancellationToken) =>
        new CsvResult(await api.ConfusionAsync(request.Query("run"), request.Query("epoch"), cancellationToken));
}
