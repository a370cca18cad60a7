using System.Reflection;
using ClassVisCloud.Api;
using ClassVisCloud.Functions.Runs;
using Microsoft.Azure.Functions.Worker;

namespace ClassVisCloud.Integration.Tests.Functions;

/// <summary>The API description lists exactly the HTTP functions the app serves: the same routes, methods and names.</summary>
public sealed class ApiDescriptionRoutesTests
{
    static IEnumerable<string> Served() =>
        from type in typeof(ListRuns).Assembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
        let function = method.GetCustomAttribute<FunctionAttribute>()
        let trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null)
        where function is not null && trigger is not null
        from verb in trigger.Methods!
        select $"{verb.ToLowerInvariant()} {trigger.Route} {function.Name}";

    [Fact]
    public void Every_HTTP_function_is_described_and_nothing_else()
    {
        var described = ApiRoutes.All.Select(r => $"{r.Method} {r.Path} {r.Name}").Order().ToList();
        var served = Served().Order().ToList();
        Assert.True(served.SequenceEqual(described),
            $"src/Api/Description/ApiRoutes.cs and the HTTP functions differ. Served, not described: {string.Join("; ", served.Except(described))}. "
            + $"Described, not served: {string.Join("; ", described.Except(served))}. Add the route there, then regenerate docs/openapi.json (see ApiDescriptionDriftTests).");
    }
}
