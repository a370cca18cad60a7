using ClassVisCloud.Api.Export;
using ClassVisCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ClassVisCloud.Functions.Exports;

public sealed class ExportClasses(ExportApi api)
{
    [Function(nameof(ExportClasses))]
    public async Task<IActionResult> Run(
        [HttpTrigger(ApiAccess.HostLevel, "get", Route = "export/classes.csv")] HttpRequest request,
        CancellationToken cancellationToken) =>
        new CsvResult(await api.ClassesAsync(request.Query("run"), cancellationToken));
}
