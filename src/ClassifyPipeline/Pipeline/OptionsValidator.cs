using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ClassifyPipeline.Pipeline;

/// <summary>
/// Checks a whole <see cref="PipelineOptions"/> at once: every declared range, and the rules that tie keys
/// together. Returns every problem, each naming its key as written in pipeline.json (<c>dedup.storyThreshold</c>).
/// </summary>
public static class OptionsValidator
{
    public static IReadOnlyList<string> Validate(PipelineOptions options)
    {
        var errors = new List<string>();
        ValidateObject(options, prefix: "", errors);

        if (options.Dedup.DuplicateThreshold < options.Dedup.StoryThreshold)
            errors.Add($"dedup.duplicateThreshold ({options.Dedup.DuplicateThreshold}) must not be below dedup.storyThreshold ({options.Dedup.StoryThreshold})");
        CheckPatterns("clean.boilerplatePatterns", options.Clean.BoilerplatePatterns, errors);
        CheckPatterns("clean.footerPatterns", options.Clean.FooterPatterns, errors);
        return errors;
    }

    /// <summary>The pipeline.json name of a property: camelCase, as System.Text.Json's web defaults write it.</summary>
    public static string KeyName(PropertyInfo property) => JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    private static void ValidateObject(object target, string prefix, List<string> errors)
    {
        foreach (var property in target.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var key = prefix + KeyName(property);
            var value = property.GetValue(target);
            foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>())
            {
                if (!attribute.IsValid(value))
                    errors.Add(attribute is RangeAttribute range
                        ? $"{key} is {Format(value)}, outside the allowed range {range.Minimum}..{range.Maximum}"
                        : $"{key}: {attribute.FormatErrorMessage(key)}");
            }
            if (value is null)
            {
                if (!property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is null && property.PropertyType != typeof(string))
                    errors.Add($"{key} must not be null");
                continue;
            }
            if (property.PropertyType.IsEnum && !Enum.IsDefined(property.PropertyType, value))
                errors.Add($"{key} has no value {value}; allowed: {string.Join(", ", Enum.GetNames(property.PropertyType))}");
            if (IsSection(property.PropertyType))
                ValidateObject(value, key + ".", errors);
        }
    }

    /// <summary>True for a nested options class (a JSON object in pipeline.json), as opposed to a value or a list.</summary>
    public static bool IsSection(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type);

    private static string Format(object? value) => value switch
    {
        null => "null",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static void CheckPatterns(string key, IReadOnlyList<string> patterns, List<string> errors)
    {
        for (var i = 0; i < patterns.Count; i++)
        {
            try
            {
                _ = new Regex(patterns[i], RegexOptions.NonBacktracking);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException)
            {
                errors.Add($"{key}[{i}] is not a valid regular expression: {e.Message}");
            }
        }
    }
}
