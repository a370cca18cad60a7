using ClassVisCloud.Api;
using ClassVisCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ClassVisCloud.Functions.Description;

/// <summary>The API's own description (OpenAPI 3.1), the one docs/openapi.json holds and the dashboard's types come from.</summary>
public sealed class GetApiDescription
{
    [Function(nameof(GetApiDescription))]
    public Task<IActionResult> Run(
        [HttpTrigger(ApiAccess.HostLevel, "get", Route = "openapi.json")] HttpRequest request) =>
        Task.FromResult<IActionResult>(new ApiResult(ApiResponse.FromBytes(200, ApiDescription.Bytes, ApiResponse.JsonType, ApiDescription.ETagSeed)));
}
