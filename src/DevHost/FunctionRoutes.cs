using System.Reflection;
using ClassVisCloud.Functions.Runs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.Azure.Functions.Worker;

namespace ClassVisCloud.DevHost;

/// <summary>
/// Serves every HTTP function of the Functions app by calling the function class itself: routes and
/// methods come from its [HttpTrigger] attribute, so there is no second route table to drift, and the
/// bytes sent are the ones the Functions app sends.
/// </summary>
public static class FunctionRoutes
{
    const string RoutePrefix = "api";

    public static void MapFunctionRoutes(this WebApplication app)
    {
        foreach (var (type, method, trigger) in HttpFunctions())
        {
            var template = $"{RoutePrefix}/{trigger.Route}";
            app.MapMethods(template, trigger.Methods!.Select(m => m.ToUpperInvariant()), context => InvokeAsync(context, type, method))
                .WithName(type.Name);
        }
    }

    public static IEnumerable<(Type Type, MethodInfo Method, HttpTriggerAttribute Trigger)> HttpFunctions() =>
        from type in typeof(ListRuns).Assembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
        where method.GetCustomAttribute<FunctionAttribute>() is not null
        let trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null)
        where trigger is not null
        select (type, method, trigger);

    static async Task InvokeAsync(HttpContext context, Type type, MethodInfo method)
    {
        var function = ActivatorUtilities.CreateInstance(context.RequestServices, type);
        var arguments = method.GetParameters().Select(p => Bind(p, context)).ToArray();
        var result = await (Task<IActionResult>)method.Invoke(function, arguments)!;
        await result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
    }

    static object? Bind(ParameterInfo parameter, HttpContext context)
    {
        if (parameter.ParameterType == typeof(HttpRequest)) return context.Request;
        if (parameter.ParameterType == typeof(CancellationToken)) return context.RequestAborted;
        if (parameter.ParameterType == typeof(string)) return context.GetRouteValue(parameter.Name!) as string;
        throw new InvalidOperationException($"The DevHost cannot bind parameter {parameter.Name} of type {parameter.ParameterType.Name}.");
    }
}
