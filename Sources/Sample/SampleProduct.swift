/// One product of the sample's item master, with the demand and stock traits the simulation needs.
struct SampleProduct {
    /// The categories, in the order products cycle through them (so any `--skus >= 8` has every one).
    static let categories = [
        "Coffee", "Tea", "Chocolate", "Nuts & Dried Fruit", "Cheese", "Spices", "Gifts", "Kitchenware",
    ]
    enum Category {
        static let coffee = 0, tea = 1, chocolate = 2, nuts = 3, cheese = 4, spices = 5, gifts = 6, kitchenware = 7
    }

    /// Percent of each category's products sold by the kilogram (fractional quantities).
    private static let kgPercent = [50, 30, 0, 70, 80, 40, 0, 0]
    /// Unit cost range in cents, per category.
    private static let costRange = [
        600...2400, 250...1800, 120...900, 450...2200, 900...3200, 150...1200, 1500...6000, 800...9000,
    ]
    private static let nouns = [
        ["Espresso beans", "Filter coffee", "Single-origin beans", "Decaf blend", "Cold brew grind", "Mocha beans"],
        ["Earl Grey", "Darjeeling", "Sencha green tea", "Rooibos", "Chai blend", "Peppermint infusion"],
        ["Dark chocolate bar", "Milk chocolate bar", "Pralines", "Hot chocolate", "Truffles", "Chocolate coins"],
        ["Almonds", "Cashews", "Walnuts", "Dried apricots", "Trail mix", "Pistachios"],
        ["Gouda", "Comté", "Parmigiano Reggiano", "Manchego", "Gruyère", "Cheddar"],
        ["Smoked paprika", "Black pepper", "Cinnamon", "BBQ rub", "Saffron", "Curry powder"],
        ["Gift basket", "Tasting set", "Advent calendar", "Hamper", "Gift card box", "Gift box"],
        ["Milk frother", "Pour-over kettle", "Cast-iron skillet", "Chef's knife", "Coffee grinder", "Tea infuser"],
    ]
    private static let variants = [
        ["dark roast", "medium roast", "Ethiopia", "Brazil Santos", "Colombia Huila", "Guatemala"],
        ["loose leaf", "20 bags", "organic", "first flush", "tin"],
        ["70% cocoa", "sea salt", "hazelnut", "orange", "gift box of 12"],
        ["roasted", "salted", "unsalted", "organic", "honey glazed"],
        ["aged 12 months", "aged 24 months", "young", "smoked", "mild"],
        ["ground", "whole", "coarse", "organic", "grinder"],
        ["small", "large", "deluxe", "for two", "classic"],
        ["stainless steel", "10\"", "12\"", "ceramic", "matte black"],
    ]
    /// The shop's house brands, which some descriptions name (`"Old Mill" Almonds, salted`).
    static let houseBrands = ["Maison Roux", "Old Mill", "Casa Nova", "Nordic Gold"]

    var sku: String
    var category: Int
    var description: String
    /// The brand (`products.brand`): the house brand its description names, else one of its category's
    /// makers (see `SampleBrands`).
    var brand: String?
    /// Cents.
    var unitCost: Int
    /// Cents.
    var listPrice: Int
    /// Sold by the kilogram: quantities in steps of 0.25.
    var isKg: Bool
    /// Relative share of order lines.
    var popularity: Double
    /// Percent of the stock held in the north warehouse.
    var northShare: Int
    /// Index into the category's `SampleSupplier.byCategory` entry.
    var supplier = 0
    /// Its supplier cannot deliver more than the usual volume while a campaign runs on it: the product runs
    /// short in every promotion, and the rest of its purchase order arrives late.
    var inflexibleSupply = false
    /// Hundredths per purchase: whole kilograms, cases of 12 or 6 cheap pieces, single dear ones.
    var purchasePack: Int { isKg ? 100 : (unitCost < 1000 ? 1200 : unitCost < 3000 ? 600 : 100) }

    /// Quantities are hundredths: a piece is 100, the smallest step of a kg product 25.
    var step: Int { isKg ? 25 : 100 }

    /// The sample's item master: `count` products, deterministic for a generator state.
    static func catalog(count: Int, rng: inout SplitMix64) -> [SampleProduct] {
        let width = max(5, String(count).count)
        var products: [SampleProduct] = []
        products.reserveCapacity(count)
        for i in 0..<count {
            let category = i % categories.count
            let isKg = rng.below(100) < kgPercent[category]
            let cost = rng.int(in: costRange[category])
            // Prices end in 9 cents, as shop prices do.
            let list = (cost * rng.int(in: 140...220) / 100) / 10 * 10 + 9
            let noun = rng.pick(nouns[category])
            let variant = rng.pick(variants[category])
            var description = "\(noun), \(variant)"
            var brand: String?
            if rng.below(6) == 0 {
                let house = rng.pick(houseBrands)
                brand = house
                description = "\"\(house)\" \(description)"
            }
            if isKg { description += " (per kg)" }
            // A skewed popularity (a few best sellers, a long tail) without transcendental functions.
            let u = rng.unit()
            let popularity = 0.03 + u * u * u
            let digits = String(i + 1)
            products.append(SampleProduct(
                sku: "SKU-" + String(repeating: "0", count: max(0, width - digits.count)) + digits,
                category: category,
                description: description,
                brand: brand,
                unitCost: cost,
                listPrice: list,
                isKg: isKg,
                popularity: popularity,
                northShare: rng.int(in: 45...70)
            ))
        }
        // Two products the stories name: the gift box whose export description spans two lines, and the
        // milk frother whose returns jump after its promotion.
        if count > Category.gifts {
            products[Category.gifts].description = "Gift box \"Deluxe\"\nwith greeting card"
            products[Category.gifts].brand = nil
            products[Category.gifts].isKg = false
        }
        if count > Category.kitchenware {
            products[Category.kitchenware].description = "Milk frother \"Whizz\", battery-powered"
            products[Category.kitchenware].brand = "Whizz"
            products[Category.kitchenware].popularity = 0.6
        }
        return products
    }

    /// The index of the milk frother, when the catalog has one.
    static func frother(in products: [SampleProduct]) -> Int? {
        products.count > Category.kitchenware ? Category.kitchenware : nil
    }
}
