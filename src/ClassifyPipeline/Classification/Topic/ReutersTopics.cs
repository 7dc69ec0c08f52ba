namespace ClassifyPipeline.Classification.Topic;

/// <summary>
/// The 90 Reuters-21578 topic categories of the standard ModApte evaluation: those with at least one training and
/// one test document in the ModApte split (Lewis's Distribution 1.0; Yang &amp; Liu, SIGIR 1999; the category list of
/// NLTK's <c>reuters</c> corpus). Fixed here because the test half of the split is not part of the project's data.
/// </summary>
public static class ReutersTopics
{
    /// <summary>The name <c>--labels</c> accepts for this list.</summary>
    public const string Name = "reuters-modapte-90";

    public static readonly IReadOnlyList<string> ModApte90 =
    [
        "acq", "alum", "barley", "bop", "carcass", "castor-oil", "cocoa", "coconut", "coconut-oil", "coffee",
        "copper", "copra-cake", "corn", "cotton", "cotton-oil", "cpi", "cpu", "crude", "dfl", "dlr",
        "dmk", "earn", "fuel", "gas", "gnp", "gold", "grain", "groundnut", "groundnut-oil", "heat",
        "hog", "housing", "income", "instal-debt", "interest", "ipi", "iron-steel", "jet", "jobs", "l-cattle",
        "lead", "lei", "lin-oil", "livestock", "lumber", "meal-feed", "money-fx", "money-supply", "naphtha", "nat-gas",
        "nickel", "nkr", "nzdlr", "oat", "oilseed", "orange", "palladium", "palm-oil", "palmkernel", "pet-chem",
        "platinum", "potato", "propane", "rand", "rape-oil", "rapeseed", "reserves", "retail", "rice", "rubber",
        "rye", "ship", "silver", "sorghum", "soy-meal", "soy-oil", "soybean", "strategic-metal", "sugar", "sun-meal",
        "sun-oil", "sunseed", "tea", "tin", "trade", "veg-oil", "wheat", "wpi", "yen", "zinc",
    ];
}
