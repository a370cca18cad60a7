namespace ClassVisCloud.Analytics.Contract.ParquetFormat;

/// <summary>
/// Turns the flattened schema of a footer into its top-level fields: flat primitives, lists of primitives
/// (the standard three-level form whatever its inner names, <c>list/element</c> or <c>list/item</c>, and the
/// legacy two-level and bare repeated forms), and anything else (structs, maps, nested lists).
/// </summary>
internal static class SchemaInterpreter
{
    private const int MaxDepth = 64;

    public static IReadOnlyList<TopLevelColumn> Interpret(IReadOnlyList<FooterSchemaElement> schema)
    {
        if (schema.Count == 0)
            throw new ParquetFormatException("the schema is empty");
        var root = BuildTree(schema);
        return root.Children.Select(Interpret).ToList();
    }

    private sealed record Node(FooterSchemaElement Element, List<Node> Children)
    {
        public bool IsPrimitive => Children.Count == 0 && Element.Type is not null;
    }

    private static Node BuildTree(IReadOnlyList<FooterSchemaElement> schema)
    {
        int next = 0;
        var root = Build(schema, ref next, 0);
        if (next != schema.Count)
            throw new ParquetFormatException("the schema's child counts do not match its elements");
        return root;
    }

    private static Node Build(IReadOnlyList<FooterSchemaElement> schema, ref int next, int depth)
    {
        if (depth > MaxDepth)
            throw new ParquetFormatException("the schema is nested too deeply");
        if (next >= schema.Count)
            throw new ParquetFormatException("the schema's child counts exceed its elements");
        var element = schema[next++];
        var node = new Node(element, []);
        if (element.ChildCount > schema.Count - next)
            throw new ParquetFormatException($"schema element '{element.Name}' claims more children than the schema has");
        for (int i = 0; i < element.ChildCount; i++)
            node.Children.Add(Build(schema, ref next, depth + 1));
        return node;
    }

    private static TopLevelColumn Interpret(Node field)
    {
        var element = field.Element;
        if (field.IsPrimitive)
        {
            if (element.Repetition == Repetition.Repeated)
            {
                // A bare repeated primitive is a list of non-null values.
                var bareLeaf = Leaf([element.Name], element, maxDefinition: 1, maxRepetition: 1);
                return List(element.Name, bareLeaf, listNullable: false, entryDefinition: 1);
            }
            int definition = element.Repetition == Repetition.Optional ? 1 : 0;
            var leaf = Leaf([element.Name], element, definition, 0);
            return new TopLevelColumn(element.Name, ColumnShape.Flat, leaf, leaf.TypeName, false, 0);
        }
        if (element.Annotation == Annotation.List && element.Repetition != Repetition.Repeated
            && field.Children is [{ Element.Repetition: Repetition.Repeated } repeated])
            return InterpretList(field, repeated);
        return Other(element.Name, DescribeGroup(field));
    }

    /// <summary>Applies the Parquet spec's backward-compatibility rules for LIST-annotated groups.</summary>
    private static TopLevelColumn InterpretList(Node field, Node repeated)
    {
        string name = field.Element.Name;
        bool listNullable = field.Element.Repetition == Repetition.Optional;
        int entryDefinition = (listNullable ? 1 : 0) + 1;
        if (repeated.IsPrimitive)
        {
            // Two-level form: the repeated field is the element itself.
            var leaf = Leaf([name, repeated.Element.Name], repeated.Element, entryDefinition, 1);
            return List(name, leaf, listNullable, entryDefinition);
        }
        bool elementIsTheGroup = repeated.Children.Count != 1
            || repeated.Element.Name == "array"
            || repeated.Element.Name == name + "_tuple";
        if (elementIsTheGroup || !repeated.Children[0].IsPrimitive || repeated.Children[0].Element.Repetition == Repetition.Repeated)
            return Other(name, "list<" + DescribeGroup(repeated) + ">");
        var element = repeated.Children[0].Element;
        int maxDefinition = entryDefinition + (element.Repetition == Repetition.Optional ? 1 : 0);
        var listLeaf = Leaf([name, repeated.Element.Name, element.Name], element, maxDefinition, 1);
        return List(name, listLeaf, listNullable, entryDefinition);
    }

    private static TopLevelColumn List(string name, LeafColumn leaf, bool listNullable, int entryDefinition) =>
        new(name, ColumnShape.List, leaf, "list<" + leaf.TypeName + ">", listNullable, entryDefinition);

    private static TopLevelColumn Other(string name, string typeName) =>
        new(name, ColumnShape.Other, null, typeName, false, 0);

    private static string DescribeGroup(Node group) =>
        group.Element.Annotation switch
        {
            Annotation.Map => "map",
            Annotation.List => "nested list",
            _ => group.IsPrimitive ? Leaf([], group.Element, 0, 0).TypeName : "struct",
        };

    private static LeafColumn Leaf(string[] path, FooterSchemaElement element, int maxDefinition, int maxRepetition)
    {
        var physical = element.Type ?? throw new ParquetFormatException($"schema element '{element.Name}' has no type");
        var (kind, unsigned, typeName) = Classify(physical, element);
        return new LeafColumn(path, physical, kind, unsigned, typeName, maxDefinition, maxRepetition);
    }

    private static (ValueKind Kind, bool Unsigned, string TypeName) Classify(PhysicalType physical, FooterSchemaElement element)
    {
        var annotation = element.Annotation;
        switch (physical)
        {
            case PhysicalType.Int32 or PhysicalType.Int64:
                string bits = physical == PhysicalType.Int32 ? "32" : "64";
                return annotation switch
                {
                    Annotation.None or Annotation.Integer => (ValueKind.Integer, false, "int" + bits),
                    Annotation.UnsignedInteger => (ValueKind.Integer, true, "uint" + bits),
                    _ => (ValueKind.Unsupported, false, element.AnnotationName ?? "int" + bits),
                };
            case PhysicalType.Float:
                return annotation == Annotation.None ? (ValueKind.Float, false, "float") : (ValueKind.Unsupported, false, element.AnnotationName ?? "float");
            case PhysicalType.Double:
                return annotation == Annotation.None ? (ValueKind.Float, false, "double") : (ValueKind.Unsupported, false, element.AnnotationName ?? "double");
            case PhysicalType.ByteArray:
                // Unannotated byte arrays are read as UTF-8 too: older writers store strings that way.
                return annotation is Annotation.None or Annotation.String
                    ? (ValueKind.String, false, "string")
                    : (ValueKind.Unsupported, false, element.AnnotationName ?? "binary");
            default:
                return (ValueKind.Unsupported, false, element.AnnotationName ?? physical switch
                {
                    PhysicalType.Boolean => "boolean",
                    PhysicalType.Int96 => "int96 timestamp",
                    PhysicalType.FixedLenByteArray => "fixed-length binary",
                    _ => $"unknown physical type {(int)physical}",
                });
        }
    }
}
