using System.Text.Json.Nodes;
using ClassVisCloud.Infra.Tests.Arm;

namespace ClassVisCloud.Infra.Tests;

public sealed class ArmExpressionTests
{
    private sealed class Scope : IArmScope
    {
        public JsonNode? Parameter(string name) => name == "container" ? JsonValue.Create("runs") : ArmExpression.Unresolved($"parameters('{name}')");
        public JsonNode? Variable(string name) => name == "flag" ? JsonValue.Create(true) : ArmExpression.Unresolved($"variables('{name}')");
    }

    private static string Eval(string text) => ArmExpression.Render(ArmExpression.EvaluateString(text, new Scope()));

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("[[not an expression]", "[not an expression]")]
    [InlineData("[parameters('container')]", "runs")]
    [InlineData("[format('/blobServices/default/containers/{0}/blobs/', parameters('container'))]", "/blobServices/default/containers/runs/blobs/")]
    [InlineData("[concat('a', 'b''c')]", "ab'c")]
    [InlineData("[if(variables('flag'), 'yes', 'no')]", "yes")]
    [InlineData("[if(not(empty('')), 'x', toUpper('y'))]", "Y")]
    [InlineData("[createObject('value', 'v').value]", "v")]
    public void Constant_expressions_evaluate(string text, string expected) => Assert.Equal(expected, Eval(text));

    [Fact]
    public void Live_values_stay_as_text_with_their_constant_arguments_evaluated()
    {
        var value = Eval("[format('https://{0}/api', reference(resourceId('Microsoft.Web/sites', parameters('container')), '2024-04-01').defaultHostName)]");
        Assert.Equal("https://«reference(resourceId('Microsoft.Web/sites', 'runs'), '2024-04-01').defaultHostName»/api", value);
        Assert.True(ArmExpression.IsUnresolved(JsonValue.Create(value)));
    }

    [Fact]
    public void A_malformed_expression_is_rejected_with_its_text() =>
        Assert.Contains("format('x'", Assert.Throws<FormatException>(() => Eval("[format('x']")).Message, StringComparison.Ordinal);
}
