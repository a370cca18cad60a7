using System.Diagnostics;
using System.Text.Json.Nodes;
using ClassVisCloud.Infra.Tests.Support;

namespace ClassVisCloud.Infra.Tests;

[Collection(CompiledInfraCollection.Name)]
public sealed class DeployConfigTests(CompiledInfra infra)
{
    [Fact]
    public void The_parameters_file_supplies_every_required_parameter_and_no_unknown_one()
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Infra, "main.parameters.json")))!["parameters"]!.AsObject();
        var declared = (JsonObject)infra.Template!["parameters"]!;
        Assert.Empty(file.Select(p => p.Key).Except(declared.Select(p => p.Key)));
        var required = declared.Where(p => p.Value is JsonObject d && !d.ContainsKey("defaultValue")).Select(p => p.Key);
        Assert.Empty(required.Except(file.Select(p => p.Key)));
    }

    [Fact]
    public void Azure_yaml_publishes_the_functions_app_and_the_dashboard_and_its_hooks_exist()
    {
        var yaml = File.ReadAllText(Path.Combine(RepoPaths.Root, "azure.yaml"));
        Assert.Contains("project: ./src/Functions", yaml, StringComparison.Ordinal);
        Assert.Contains("host: function", yaml, StringComparison.Ordinal);
        Assert.Contains("project: ./src/Dashboard", yaml, StringComparison.Ordinal);
        Assert.Contains("host: staticwebapp", yaml, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "scripts/deploy/postdeploy.sh")));
        // Service hooks run relative to the service's project folder.
        Assert.Contains("run: ../../scripts/deploy/dashboard-config.sh", yaml, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.GetFullPath(Path.Combine(RepoPaths.Root, "src/Dashboard", "../../scripts/deploy/dashboard-config.sh"))));
    }

    [Fact]
    public void Postdeploy_waits_for_the_key_then_reprovisions_with_blob_events_enabled()
    {
        using var sandbox = new HookSandbox(azPrints: "true");
        var result = sandbox.Run("postdeploy.sh");
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(
            ["az functionapp keys list -g rg-test -n func-test --query systemKeys.blobs_extension != `null` -o tsv",
             "azd env set BLOB_EVENTS_ENABLED true",
             "azd provision --no-prompt [BLOB_EVENTS_ENABLED=true]"],
            sandbox.Calls);
    }

    [Fact]
    public void Postdeploy_does_nothing_more_once_blob_events_are_enabled()
    {
        using var sandbox = new HookSandbox(azPrints: "true");
        var result = sandbox.Run("postdeploy.sh", ("BLOB_EVENTS_ENABLED", "true"));
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Empty(sandbox.Calls);
    }

    [Fact]
    public void Postdeploy_fails_clearly_when_the_key_never_appears()
    {
        using var sandbox = new HookSandbox(azPrints: "false");
        var result = sandbox.Run("postdeploy.sh", ("CVC_KEY_WAIT_ATTEMPTS", "2"), ("CVC_KEY_WAIT_SECONDS", "0"));
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("no blobs_extension key", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(sandbox.Calls, c => c.StartsWith("azd", StringComparison.Ordinal));
    }

    [Fact]
    public void The_dashboard_config_asks_for_a_function_key_by_default()
    {
        var config = DashboardConfig(("AUTH_MODE", "key"));
        Assert.Equal("https://func-test.example/api", (string?)config["apiBase"]);
        Assert.Equal("key", (string?)config["auth"]);
        Assert.Null(config["loginPath"]);
    }

    [Fact]
    public void The_dashboard_config_signs_in_with_the_app_registration_for_the_api_scope_with_entra_id()
    {
        var config = DashboardConfig(("AUTH_MODE", "entra"), ("AUTH_CLIENT_ID", "0000-app"), ("AZURE_TENANT_ID", "tenant-1"));
        Assert.Equal("entra", (string?)config["auth"]);
        Assert.Equal("0000-app", (string?)config["clientId"]);
        Assert.Equal("https://login.microsoftonline.com/tenant-1", (string?)config["authority"]);
        Assert.Equal(["api://0000-app/access_as_user"], (config["scopes"] as JsonArray ?? []).Select(x => (string?)x));
    }

    [Fact]
    public void Entra_mode_without_the_app_registration_stops_the_hook_with_a_message()
    {
        using var sandbox = new HookSandbox(azPrints: "true");
        var dist = Directory.CreateDirectory(Path.Combine(sandbox.Folder, "dist")).FullName;
        var result = sandbox.Run("dashboard-config.sh", ("CVC_DASHBOARD_DIST", dist), ("AUTH_MODE", "entra"), ("AZURE_TENANT_ID", "t"));
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("AUTH_CLIENT_ID is not set", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("key", "connect-src 'self' https://func-test.example;", "frame-src 'none';")]
    [InlineData("entra", "connect-src 'self' https://func-test.example https://login.microsoftonline.com;", "frame-src https://login.microsoftonline.com;")]
    public void The_static_site_sends_a_content_security_policy_that_connects_to_the_api_and_the_authority_only(string mode, string connect, string frames)
    {
        var headers = StaticWebAppConfig(("AUTH_MODE", mode), ("AUTH_CLIENT_ID", "0000-app"), ("AZURE_TENANT_ID", "tenant-1"))["globalHeaders"]!;
        var csp = (string)headers["Content-Security-Policy"]!;
        Assert.StartsWith("default-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        // The classification view paints in a Web Worker built from the site's own files: only those may run as workers.
        Assert.Contains("worker-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains(connect, csp, StringComparison.Ordinal);
        Assert.Contains(frames, csp, StringComparison.Ordinal);
        foreach (var directive in new[] { "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'" })
        {
            Assert.Contains(directive, csp, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("*", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", (string?)headers["X-Content-Type-Options"]);
        Assert.Equal("DENY", (string?)headers["X-Frame-Options"]);
        Assert.Equal("no-referrer", (string?)headers["Referrer-Policy"]);
        Assert.StartsWith("max-age=", (string?)headers["Strict-Transport-Security"], StringComparison.Ordinal);
        Assert.Contains("camera=()", (string?)headers["Permissions-Policy"], StringComparison.Ordinal);
    }

    [Fact]
    public void Key_mode_makes_a_key_keeps_it_in_a_private_file_and_gives_azd_only_its_hash()
    {
        using var sandbox = new HookSandbox(azPrints: "true");
        var result = sandbox.Run("api-key.sh", ("AZURE_ENV_NAME", "cvc-dev"));
        Assert.True(result.ExitCode == 0, result.Output);
        var file = Path.Combine(sandbox.Folder, ".classviscloud", "cvc-dev.api-key");
        var key = File.ReadAllText(file).Trim();
        Assert.Matches("^[0-9a-f]{64}$", key);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));
        Assert.Equal([$"azd env set API_KEY_SHA256 {hash}"], sandbox.Calls);
        Assert.DoesNotContain(key, result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("API_KEY_SHA256", "abc")]
    [InlineData("AUTH_CLIENT_ID", "0000-app")]
    public void The_key_hook_makes_no_key_when_one_is_set_or_entra_mode_needs_none(string name, string value)
    {
        using var sandbox = new HookSandbox(azPrints: "true");
        var result = sandbox.Run("api-key.sh", (name, value));
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Empty(sandbox.Calls);
        Assert.False(Directory.Exists(Path.Combine(sandbox.Folder, ".classviscloud")));
    }

    [Fact]
    public void A_new_key_replaces_the_old_one()
    {
        using var sandbox = new HookSandbox(azPrints: "true");
        var result = sandbox.Run("api-key.sh", ["--new"], ("API_KEY_SHA256", "old"), ("AUTH_CLIENT_ID", "0000-app"));
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Single(sandbox.Calls, c => c.StartsWith("azd env set API_KEY_SHA256 ", StringComparison.Ordinal) && !c.EndsWith(" old", StringComparison.Ordinal));
    }

    private static JsonNode StaticWebAppConfig(params (string Name, string Value)[] environment)
    {
        using var sandbox = new HookSandbox(azPrints: "true");
        var dist = Directory.CreateDirectory(Path.Combine(sandbox.Folder, "dist")).FullName;
        var result = sandbox.Run("dashboard-config.sh", [("CVC_DASHBOARD_DIST", dist), .. environment]);
        Assert.True(result.ExitCode == 0, result.Output);
        return JsonNode.Parse(File.ReadAllText(Path.Combine(dist, "staticwebapp.config.json")))!;
    }

    private static JsonNode DashboardConfig(params (string Name, string Value)[] environment)
    {
        using var sandbox = new HookSandbox(azPrints: "true");
        var dist = Directory.CreateDirectory(Path.Combine(sandbox.Folder, "dist")).FullName;
        var result = sandbox.Run("dashboard-config.sh", [("CVC_DASHBOARD_DIST", dist), .. environment]);
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Empty(sandbox.Calls);
        var text = File.ReadAllText(Path.Combine(dist, "config.json"));
        Assert.DoesNotContain("code=", text, StringComparison.Ordinal);
        return JsonNode.Parse(text)!;
    }

    /// <summary>Runs a hook script with stand-ins for az and azd that record their calls.</summary>
    private sealed class HookSandbox : IDisposable
    {
        private readonly string _log;

        public HookSandbox(string azPrints)
        {
            Folder = Directory.CreateTempSubdirectory("cvc-hook-").FullName;
            _log = Path.Combine(Folder, "calls.log");
            var bin = Directory.CreateDirectory(Path.Combine(Folder, "bin")).FullName;
            Stub(bin, "az", $"echo \"az $*\" >> '{_log}'\necho {azPrints}");
            Stub(bin, "azd", $"if [ \"$1\" = provision ]; then echo \"azd $* [BLOB_EVENTS_ENABLED=$BLOB_EVENTS_ENABLED]\" >> '{_log}'; else echo \"azd $*\" >> '{_log}'; fi");
            Bin = bin;
        }

        public string Folder { get; }

        private string Bin { get; }

        public IReadOnlyList<string> Calls => File.Exists(_log) ? File.ReadAllLines(_log) : [];

        public (int ExitCode, string Output) Run(string script, params (string Name, string Value)[] environment) => Run(script, [], environment);

        public (int ExitCode, string Output) Run(string script, string[] arguments, params (string Name, string Value)[] environment)
        {
            var start = new ProcessStartInfo("sh")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = Folder,
            };
            start.ArgumentList.Add(Path.Combine(RepoPaths.Root, "scripts", "deploy", script));
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
            start.Environment.Clear();
            start.Environment["PATH"] = $"{Bin}:/usr/local/bin:/usr/bin:/bin";
            start.Environment["HOME"] = Folder;
            start.Environment["AZURE_RESOURCE_GROUP"] = "rg-test";
            start.Environment["AZURE_FUNCTION_APP_NAME"] = "func-test";
            start.Environment["API_URL"] = "https://func-test.example/api";
            start.Environment["CVC_KEY_WAIT_SECONDS"] = "0";
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), $"{script} did not finish");
            return (process.ExitCode, stdout.Result + stderr.Result);
        }

        private static void Stub(string bin, string name, string body)
        {
            var path = Path.Combine(bin, name);
            File.WriteAllText(path, $"#!/bin/sh\n{body}\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }
}
