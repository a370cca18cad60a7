using ClassVisCloud.Analytics.Contract;

namespace ClassVisCloud.Analytics.Tests.Contract.TestFiles;

/// <summary>Asserts that reading fails with a contract violation whose reason says the expected things.</summary>
internal static class Reject
{
    public static async Task<string> WithReasonAsync(Func<Task> read, params string[] fragments)
    {
        var violation = await Assert.ThrowsAsync<ContractViolationException>(read);
        foreach (string fragment in fragments)
            Assert.Contains(fragment, violation.Message);
        return violation.Message;
    }
}
