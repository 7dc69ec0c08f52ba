using System.Globalization;
using ClassifyPipeline.Tools;

// dotnet run --project tools/ClassifyPipeline.Tools -c Release -- generate corpus|fnc1 ... | scale ...
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;

return await ToolsApp.InvokeAsync(args, Console.Out, Console.Error);
