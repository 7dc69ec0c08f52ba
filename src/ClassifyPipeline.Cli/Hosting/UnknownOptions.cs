using System.CommandLine;
using System.CommandLine.Parsing;

namespace ClassifyPipeline.Cli.Hosting;

/// <summary>
/// Finds options a user mistyped where a command takes arguments. System.CommandLine names an unknown option
/// ("Unrecognized command or argument '--bogus'", with the nearest valid one) only when no argument can take it:
/// a command with a variadic argument (<c>run &lt;input&gt;...</c>) or a still-empty one (<c>report &lt;run folder&gt;</c>)
/// takes <c>--bogus</c> as an input path. Here any such argument token that looks like an option (a dash and a
/// letter, or two dashes) is an unknown option, unless it comes after <c>--</c>, which is how a path that starts
/// with a dash is given.
/// </summary>
public static class UnknownOptions
{
    /// <summary>One message per unknown option, naming it and the nearest valid option of its command.</summary>
    /// <param name="program">The program's name in messages (the root command's own name is the process's).</param>
    public static IReadOnlyList<string> Find(ParseResult parse, string program = "classify")
    {
        var tokens = parse.Tokens.ToList();
        var dash = tokens.FindIndex(t => t.Type == TokenType.DoubleDash);
        var beforeDash = new HashSet<Token>(dash < 0 ? tokens : tokens.Take(dash), ReferenceEqualityComparer.Instance);
        var messages = new List<string>();
        for (SymbolResult? result = parse.CommandResult; result is CommandResult command; result = command.Parent)
        {
            foreach (var argument in command.Children.OfType<ArgumentResult>())
            {
                foreach (var token in argument.Tokens)
                {
                    if (!beforeDash.Contains(token) || !LooksLikeOption(token.Value))
                        continue;
                    var nearest = Nearest(token.Value, OptionNames(command));
                    var suggestion = nearest.Count == 0 ? "" : $" Did you mean {string.Join(" or ", nearest.Select(n => $"'{n}'"))}?";
                    messages.Add($"Unrecognized option '{token.Value}' for '{Path(command, program)}'.{suggestion} (A path that starts with '-' goes after '--'.)");
                }
            }
        }
        return messages;
    }

    private static bool LooksLikeOption(string value) =>
        value.Length > 1 && value[0] == '-' && (value[1] == '-' || char.IsLetter(value[1]));

    /// <summary>Every name and alias of the options a command accepts: its own and the recursive ones of its parents.</summary>
    private static List<string> OptionNames(CommandResult command)
    {
        var names = new List<string>();
        var own = true;
        for (SymbolResult? r = command; r is CommandResult c; r = c.Parent, own = false)
        {
            foreach (var option in c.Command.Options.Where(o => own || o.Recursive))
            {
                names.Add(option.Name);
                names.AddRange(option.Aliases);
            }
        }
        return names.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The names at the smallest edit distance from <paramref name="value"/> (several when tied), in declaration order.</summary>
    private static List<string> Nearest(string value, List<string> names)
    {
        if (names.Count == 0)
            return names;
        var distances = names.Select(n => Levenshtein(value, n)).ToList();
        var best = distances.Min();
        return names.Where((_, i) => distances[i] == best).ToList();
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    private static string Path(CommandResult command, string program)
    {
        var names = new List<string>();
        for (SymbolResult? r = command; r is CommandResult c; r = c.Parent)
            names.Add(c.Parent is null ? program : c.Command.Name);
        names.Reverse();
        return string.Join(' ', names);
    }
}
