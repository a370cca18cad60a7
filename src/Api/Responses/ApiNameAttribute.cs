namespace ClassVisCloud.Api;

/// <summary>
/// The name of an answer's schema in the API description (and so of its generated TypeScript type), where C#
/// cannot use it for the record: a record may not have a member of its own name (<c>suspects</c> in <c>Suspects</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ApiNameAttribute(string name) : Attribute
{
    public string Name => name;
}
