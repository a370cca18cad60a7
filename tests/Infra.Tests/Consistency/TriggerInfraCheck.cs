using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ClassVisCloud.Infra.Tests.Arm;

namespace ClassVisCloud.Infra.Tests.Consistency;

/// <summary>
/// Compares the Functions app's trigger declarations with what the infrastructure delivers:
/// a blob trigger must use the Event Grid source (the only one Flex Consumption supports) and
/// have an Event Grid subscription to its webhook filtered on its container; every connection
/// name must have identity-based settings (<c>NAME__blobServiceUri</c>, ...) and no connection
/// string; every %setting% a binding names must be an app setting; every HTTP function must be
/// anonymous to the host and guarded by the worker's sign-in middleware, whose Auth__Mode setting must
/// be set (the host's key check would also apply behind an Entra ID sign-in, and no token could pass
/// it). Returns the problems, each as a sentence.
/// </summary>
public static class TriggerInfraCheck
{
    public const string BlobWebhookPath = "/runtime/webhooks/blobs?functionName=Host.Functions.";

    public static IReadOnlyList<string> Problems(IReadOnlyList<FunctionDeclaration> functions, ArmDeployment infra)
    {
        var problems = new List<string>();
        var app = infra.OfType("Microsoft.Web/sites").SingleOrDefault();
        if (app is null)
        {
            return ["The infrastructure declares no Function App (Microsoft.Web/sites)."];
        }
        var settings = AppSettings(app);
        var subscriptions = infra.OfType("Microsoft.EventGrid/systemTopics/eventSubscriptions").Where(s => s.Deployed != false).ToList();
        var containers = infra.OfType("Microsoft.Storage/storageAccounts/blobServices/containers")
            .Select(c => c.Name.Split('/')[^1]).ToHashSet(StringComparer.Ordinal);

        foreach (var function in functions)
        {
            foreach (var binding in function.Bindings)
            {
                var type = FunctionDeclaration.TypeOf(binding);
                var connection = FunctionDeclaration.Text(binding, "connection");
                if (connection is not null || type.StartsWith("blob", StringComparison.OrdinalIgnoreCase) || type.Equals("timerTrigger", StringComparison.OrdinalIgnoreCase))
                {
                    CheckConnection(function.Name, connection ?? "AzureWebJobsStorage", settings, problems);
                }
            }

            foreach (var setting in function.Bindings.SelectMany(AppSettingReferences).Distinct(StringComparer.Ordinal))
            {
                // The host resolves %name% from the app settings (':' in a name is '__' in a setting).
                if (!settings.ContainsKey(setting) && !settings.ContainsKey(setting.Replace(":", "__", StringComparison.Ordinal)))
                {
                    problems.Add($"{function.Name} binds %{setting}%, but the app has no setting {setting}: the host would not index it ('%{setting}%' does not resolve to a value).");
                }
            }

            switch (function.TriggerType.ToLowerInvariant())
            {
                case "blobtrigger":
                    CheckBlobTrigger(function, function.Trigger!, subscriptions, containers, settings, problems);
                    break;
                case "httptrigger":
                    var level = FunctionDeclaration.Text(function.Trigger!, "authLevel") ?? "Function";
                    if (!level.Equals("Anonymous", StringComparison.OrdinalIgnoreCase))
                    {
                        problems.Add($"HTTP function {function.Name} has authLevel {level}: the host would demand a key before the worker's sign-in, so Entra ID tokens could never reach it; declare ApiAccess.HostLevel.");
                    }
                    var mode = settings.GetValueOrDefault("Auth__Mode") ?? "";
                    if (!mode.Contains("key", StringComparison.Ordinal) && !mode.Contains("entra", StringComparison.Ordinal))
                    {
                        problems.Add($"HTTP function {function.Name} is anonymous to the host, but the app setting Auth__Mode ('{mode}') does not set the worker's sign-in to key or entra.");
                    }
                    break;
            }
        }

        foreach (var subscription in subscriptions)
        {
            var endpoint = EndpointUrl(subscription);
            var at = endpoint.IndexOf(BlobWebhookPath, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }
            var target = new string(endpoint[(at + BlobWebhookPath.Length)..].TakeWhile(ch => ch != '&').ToArray());
            var function = functions.FirstOrDefault(f => f.Name == target);
            if (function is null || !function.TriggerType.Equals("blobTrigger", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"Event Grid subscription {subscription.Name} delivers to function {target}, but the app has no blob-triggered function of that name.");
            }
        }
        return problems;
    }

    private static void CheckBlobTrigger(
        FunctionDeclaration function,
        JsonObject trigger,
        List<ArmResource> subscriptions,
        HashSet<string> containers,
        Dictionary<string, string> settings,
        List<string> problems)
    {
        var source = FunctionDeclaration.Text(trigger, "source");
        if (!string.Equals(source, "EventGrid", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"Blob trigger of {function.Name} has source '{source ?? "LogsAndContainerScan"}'; Flex Consumption delivers blobs only by Event Grid: declare Source = BlobTriggerSource.EventGrid.");
        }

        var path = FunctionDeclaration.Text(trigger, "path") ?? "";
        var container = path.Split('/')[0];
        if (!containers.Contains(container))
        {
            problems.Add($"Blob trigger of {function.Name} watches container '{container}' (path '{path}'), which the infrastructure does not create (it creates: {string.Join(", ", containers)}).");
        }

        var fixedPart = path.Contains('{') ? path[..path.IndexOf('{')] : path;
        var wanted = $"/blobServices/default/containers/{container}/blobs/{(fixedPart.Length > container.Length + 1 ? fixedPart[(container.Length + 1)..] : "")}";
        var mine = subscriptions.Where(s => EndpointUrl(s).Contains(BlobWebhookPath + function.Name + "&", StringComparison.Ordinal)).ToList();
        if (mine.Count == 0)
        {
            problems.Add($"No Event Grid subscription delivers to the blob extension webhook of {function.Name} ({BlobWebhookPath}{function.Name}).");
        }
        foreach (var subscription in mine)
        {
            var filter = subscription.Properties?["filter"];
            var begins = (string?)filter?["subjectBeginsWith"] ?? "";
            if (!begins.StartsWith($"/blobServices/default/containers/{container}/", StringComparison.Ordinal) || !wanted.StartsWith(begins, StringComparison.Ordinal))
            {
                problems.Add($"Event Grid subscription {subscription.Name} filters subjects on '{begins}', but {function.Name} watches '{path}' (expected a prefix of '{wanted}' within container '{container}').");
            }
            var types = (filter?["includedEventTypes"] as JsonArray)?.Select(t => (string?)t).ToList() ?? [];
            if (!types.Contains("Microsoft.Storage.BlobCreated"))
            {
                problems.Add($"Event Grid subscription {subscription.Name} does not include Microsoft.Storage.BlobCreated events (it has: {string.Join(", ", types)}).");
            }
        }

        var connection = FunctionDeclaration.Text(trigger, "connection") ?? "AzureWebJobsStorage";
        if (!settings.ContainsKey($"{connection}__queueServiceUri") && !settings.ContainsKey($"{connection}__accountName"))
        {
            problems.Add($"Blob trigger of {function.Name} (Event Grid source) needs queues for poison messages: app setting {connection}__queueServiceUri is missing.");
        }
    }

    private static void CheckConnection(string function, string connection, Dictionary<string, string> settings, List<string> problems)
    {
        if (settings.ContainsKey(connection))
        {
            problems.Add($"App setting {connection} (used by {function}) is a connection string; use identity-based settings {connection}__blobServiceUri, ... instead.");
        }
        var identityBased = settings.Keys.Any(k =>
            k.Equals($"{connection}__blobServiceUri", StringComparison.Ordinal)
            || k.Equals($"{connection}__serviceUri", StringComparison.Ordinal)
            || k.Equals($"{connection}__accountName", StringComparison.Ordinal));
        if (!identityBased)
        {
            problems.Add($"Connection {connection} (used by {function}) has no identity-based app setting ({connection}__blobServiceUri, {connection}__serviceUri or {connection}__accountName).");
        }
        if (settings.ContainsKey($"{connection}__clientId") && settings.GetValueOrDefault($"{connection}__credential") != "managedidentity")
        {
            problems.Add($"Connection {connection} names a user-assigned identity ({connection}__clientId) without {connection}__credential = managedidentity.");
        }
    }

    /// <summary>The %name% references in a binding's string values (schedule, path, queue name, ...).</summary>
    public static IEnumerable<string> AppSettingReferences(JsonObject binding) =>
        binding.Select(p => p.Value).OfType<JsonValue>()
            .Select(v => v.TryGetValue<string>(out var text) ? text : null)
            .OfType<string>()
            .SelectMany(text => Regex.Matches(text, "%([^%]+)%").Select(m => m.Groups[1].Value));

    /// <summary>The app settings declared on the site (siteConfig.appSettings), name to value.</summary>
    public static Dictionary<string, string> AppSettings(ArmResource app) =>
        (app.Properties?["siteConfig"]?["appSettings"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .ToDictionary(s => (string?)s["name"] ?? "", s => ArmExpression.Render(s["value"]), StringComparer.Ordinal);

    public static string EndpointUrl(ArmResource subscription) =>
        ArmExpression.Render(subscription.Properties?["destination"]?["properties"]?["endpointUrl"]);
}
