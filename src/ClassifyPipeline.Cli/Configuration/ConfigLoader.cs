using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using ClassifyPipeline.Pipeline;

namespace ClassifyPipeline.Cli.Configuration;

/// <summary>
/// Binds pipeline.json to <see cref="PipelineOptions"/>: one options class per section, keys in camelCase,
/// enums by name. Unknown keys, values of the wrong type and out-of-range values are all collected and
/// reported together, each naming its key, before any input is read.
/// </summary>
public static class ConfigLoader
{
    private static readonly JsonSerializerOptions ValueOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static PipelineOptions Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException(path, [$"cannot read the file: {e.Message}"]);
        }
        return Parse(text, path);
    }

    public static PipelineOptions Parse(string json, string origin)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new ConfigurationException(origin, [$"not valid JSON (line {e.LineNumber + 1}): {e.Message}"]);
        }

        var options = new PipelineOptions();
        var errors = new List<string>();
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                errors.Add("the top level must be a JSON object");
            else
                Bind(document.RootElement, options, "", errors);
        }
        // keys that failed to bind keep their defaults, so the ranges of all the others can still be checked now
        errors.AddRange(OptionsValidator.Validate(options));
        if (errors.Count > 0)
            throw new ConfigurationException(origin, errors);
        return options;
    }

    private static void Bind(JsonElement element, object target, string prefix, List<string> errors)
    {
        var properties = target.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .ToDictionary(OptionsValidator.KeyName, StringComparer.Ordinal);
        foreach (var member in element.EnumerateObject())
        {
            var key = prefix + member.Name;
            if (!properties.TryGetValue(member.Name, out var property))
            {
                errors.Add($"unknown key '{key}'{Suggest(member.Name, properties.Keys)}");
                continue;
            }
            if (OptionsValidator.IsSection(property.PropertyType))
            {
                if (member.Value.ValueKind != JsonValueKind.Object)
                {
                    errors.Add($"{key} must be an object (a section), found {member.Value.ValueKind}");
                    continue;
                }
                Bind(member.Value, property.GetValue(target)!, key + ".", errors);
                continue;
            }
            try
            {
                property.SetValue(target, member.Value.Deserialize(property.PropertyType, ValueOptions));
            }
            catch (JsonException)
            {
                errors.Add($"{key} has the wrong type: expected {Describe(property.PropertyType)}, found {member.Value.GetRawText()}");
            }
        }
    }

    private static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
            return "one of " + string.Join(", ", Enum.GetNames(type).Select(n => JsonNamingPolicy.CamelCase.ConvertName(n)));
        if (type == typeof(bool))
            return "true or false";
        if (type == typeof(string))
            return "a string";
        if (type == typeof(int) || type == typeof(long))
            return "a whole number";
        if (type == typeof(double))
            return "a number";
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
            return $"a list of {Describe(type.GetGenericArguments()[0])}s";
        return type.Name;
    }

    private static string Suggest(string name, IEnumerable<string> known)
    {
        var best = known.Select(k => (Key: k, Distance: Distance(name.ToLowerInvariant(), k.ToLowerInvariant())))
            .OrderBy(x => x.Distance).ThenBy(x => x.Key, StringComparer.Ordinal).FirstOrDefault();
        var allowed = string.Join(", ", known.OrderBy(k => k, StringComparer.Ordinal));
        return best.Key is not null && best.Distance <= Math.Max(2, name.Length / 3)
            ? $" (did you mean '{best.Key}'? allowed here: {allowed})"
            : $" (allowed here: {allowed})";
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        }
        return d[a.Length, b.Length];
    }
}
