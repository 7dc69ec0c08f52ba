using System.Globalization;
using ClassifyPipeline.Cli;

// Results must not depend on the machine's locale.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;

return await CliApp.InvokeAsync(args, Console.Out, Console.Error);
