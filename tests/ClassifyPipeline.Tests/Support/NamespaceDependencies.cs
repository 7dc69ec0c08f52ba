using System.Reflection;
using System.Reflection.Emit;

namespace ClassifyPipeline.Tests.Support;

/// <summary>
/// Which namespaces of an assembly use which, read by reflection: for every type (nested and compiler-generated
/// ones count for the type that declares them), its base type, interfaces, fields, the parameter, return and local
/// types of its methods, and every type, method and field their IL refers to (so a use inside a method body counts
/// as much as one in a signature). Generic arguments and element types count too.
/// </summary>
public sealed class NamespaceDependencies
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>Namespace → the namespaces it uses (itself excluded) → one example "type → type" per edge.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Edges { get; }

    public NamespaceDependencies(Assembly assembly, string rootNamespace)
    {
        var edges = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
        {
            var from = Owner(type);
            if (from.Namespace is not { } ns || !InRoot(ns, rootNamespace))
                continue;
            var used = new HashSet<Type>();
            foreach (var t in Used(type))
                Collect(t, used);
            foreach (var t in used)
            {
                var to = Owner(t);
                if (to.Namespace is not { } target || target == ns || !InRoot(target, rootNamespace) || to.Assembly != assembly)
                    continue;
                var targets = edges.TryGetValue(ns, out var existing) ? existing : edges[ns] = new Dictionary<string, string>(StringComparer.Ordinal);
                targets.TryAdd(target, $"{from.Name} → {to.Name}");
            }
        }
        Edges = edges.ToDictionary(e => e.Key, e => (IReadOnlyDictionary<string, string>)e.Value, StringComparer.Ordinal);
    }

    private static bool InRoot(string ns, string root) => ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal);

    /// <summary>The type a nested (e.g. compiler-generated closure) type belongs to.</summary>
    private static Type Owner(Type type)
    {
        while (type.DeclaringType is { } outer)
            type = outer;
        return type;
    }

    private static void Collect(Type? type, HashSet<Type> into)
    {
        if (type is null || type.IsGenericParameter || !into.Add(type))
            return;
        if (type.HasElementType)
            Collect(type.GetElementType(), into);
        if (type.IsGenericType)
            foreach (var argument in type.GetGenericArguments())
                Collect(argument, into);
    }

    private static IEnumerable<Type?> Used(Type type)
    {
        yield return type.BaseType;
        foreach (var i in type.GetInterfaces())
            yield return i;
        foreach (var f in type.GetFields(All))
            yield return f.FieldType;
        foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            if (method is MethodInfo m)
                yield return m.ReturnType;
            foreach (var p in method.GetParameters())
                yield return p.ParameterType;
            MethodBody? body;
            try
            {
                body = method.GetMethodBody();
            }
            catch (Exception e) when (e is BadImageFormatException or InvalidOperationException)
            {
                continue;
            }
            if (body is null)
                continue;
            foreach (var local in body.LocalVariables)
                yield return local.LocalType;
            foreach (var t in Referenced(method, body.GetILAsByteArray() ?? []))
                yield return t;
        }
    }

    /// <summary>The types the IL names: as a type token, or as the declaring type (and generic arguments) of a method or field token.</summary>
    private static IEnumerable<Type?> Referenced(MethodBase method, byte[] il)
    {
        var module = method.Module;
        var typeArguments = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var at = 0;
        while (at < il.Length)
        {
            short value = il[at++];
            if (value == 0xFE)
                value = (short)(0xFE00 | il[at++]);
            var code = OpCodesByValue[value];
            var operand = code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
                _ => 4,
            };
            if (code.OperandType is OperandType.InlineType or OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineTok)
            {
                MemberInfo? member;
                try
                {
                    member = module.ResolveMember(BitConverter.ToInt32(il, at), typeArguments, methodArguments);
                }
                catch (Exception e) when (e is ArgumentException or BadImageFormatException or TypeLoadException or IOException or MissingMemberException)
                {
                    member = null;
                }
                switch (member)
                {
                    case Type t:
                        yield return t;
                        break;
                    case MethodBase m:
                        yield return m.DeclaringType;
                        if (m.IsGenericMethod)
                            foreach (var g in m.GetGenericArguments())
                                yield return g;
                        break;
                    case FieldInfo f:
                        yield return f.DeclaringType;
                        yield return f.FieldType;
                        break;
                }
            }
            at += operand;
        }
    }
}
