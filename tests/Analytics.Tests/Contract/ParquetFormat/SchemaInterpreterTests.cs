using ClassVisCloud.Analytics.Contract.ParquetFormat;

namespace ClassVisCloud.Analytics.Tests.Contract.ParquetFormat;

/// <summary>The list layouts of the Parquet spec's backward-compatibility rules, and what is not a list of numbers.</summary>
public class SchemaInterpreterTests
{
    private static FooterSchemaElement Group(string name, Repetition repetition, int children, Annotation annotation = Annotation.None) =>
        new(name, null, repetition, children, annotation, null);

    private static FooterSchemaElement Leaf(string name, PhysicalType type, Repetition repetition, Annotation annotation = Annotation.None) =>
        new(name, type, repetition, 0, annotation, null);

    private static TopLevelColumn Single(params FooterSchemaElement[] elements) =>
        Assert.Single(SchemaInterpreter.Interpret([Group("schema", Repetition.Required, 1), .. elements]));

    [Fact]
    public void TheStandardThreeLevelList_HasItsLevels()
    {
        var scores = Single(
            Group("scores", Repetition.Optional, 1, Annotation.List),
            Group("list", Repetition.Repeated, 1),
            Leaf("item", PhysicalType.Float, Repetition.Optional));

        Assert.Equal(ColumnShape.List, scores.Shape);
        Assert.Equal(["scores", "list", "item"], scores.Leaf!.Path);
        Assert.Equal((3, 1, 2, true), (scores.MaxDefinition, scores.Leaf.MaxRepetition, scores.EntryDefinition, scores.ListNullable));
        Assert.Equal("list<float>", scores.TypeName);
    }

    [Fact]
    public void ATwoLevelList_TakesTheRepeatedFieldAsElement()
    {
        var scores = Single(
            Group("scores", Repetition.Required, 1, Annotation.List),
            Leaf("array", PhysicalType.Double, Repetition.Repeated));

        Assert.Equal(ColumnShape.List, scores.Shape);
        Assert.Equal((1, 1, false), (scores.MaxDefinition, scores.EntryDefinition, scores.ListNullable));
    }

    [Fact]
    public void ABareRepeatedPrimitive_IsAListOfNonNullValues()
    {
        var scores = Single(Leaf("scores", PhysicalType.Float, Repetition.Repeated));

        Assert.Equal(ColumnShape.List, scores.Shape);
        Assert.Equal(1, scores.MaxDefinition);
    }

    [Fact]
    public void AListOfStructs_IsNotAListOfNumbers()
    {
        var scores = Single(
            Group("scores", Repetition.Optional, 1, Annotation.List),
            Group("list", Repetition.Repeated, 1),
            Group("element", Repetition.Optional, 1),
            Leaf("x", PhysicalType.Float, Repetition.Optional));

        Assert.Equal(ColumnShape.Other, scores.Shape);
    }

    // Enum values as ints: the enums are internal and theory parameters of a public test must be public.
    [Theory]
    [InlineData((int)PhysicalType.Int32, (int)Annotation.None, (int)ValueKind.Integer, "int32")]
    [InlineData((int)PhysicalType.Int64, (int)Annotation.UnsignedInteger, (int)ValueKind.Integer, "uint64")]
    [InlineData((int)PhysicalType.ByteArray, (int)Annotation.String, (int)ValueKind.String, "string")]
    [InlineData((int)PhysicalType.ByteArray, (int)Annotation.None, (int)ValueKind.String, "string")]
    [InlineData((int)PhysicalType.Double, (int)Annotation.None, (int)ValueKind.Float, "double")]
    [InlineData((int)PhysicalType.Boolean, (int)Annotation.None, (int)ValueKind.Unsupported, "boolean")]
    [InlineData((int)PhysicalType.Int32, (int)Annotation.Other, (int)ValueKind.Unsupported, "int32")]
    public void FlatColumns_AreClassifiedByTypeAndAnnotation(int type, int annotation, int kind, string typeName)
    {
        var column = Single(Leaf("c", (PhysicalType)type, Repetition.Optional, (Annotation)annotation));

        Assert.Equal(ColumnShape.Flat, column.Shape);
        Assert.Equal(((ValueKind)kind, typeName), (column.Leaf!.Kind, column.TypeName));
    }

    [Fact]
    public void ChildCountsBeyondTheSchema_AreAFormatError()
    {
        Assert.Throws<ParquetFormatException>(() => SchemaInterpreter.Interpret([Group("schema", Repetition.Required, 5), Leaf("a", PhysicalType.Int32, Repetition.Required)]));
    }
}
