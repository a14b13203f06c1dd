/// The sample's brands (`products.brand`, a product dimension): the shop's four house brands and two makers
/// per category, twenty in all whatever the number of products.
enum SampleBrands {
    /// Two makers per category (`SampleProduct.categories` order), the first the larger one. One name has
    /// accents (paths and slugs), one an ampersand (escaping).
    static let makers: [[String]] = [
        ["Café Olé", "Bergmann Kaffee"],
        ["Jade Garden", "Teehaus Lind"],
        ["Cacao & Co.", "Choco Lux"],
        ["Orchard Valley", "Nutkin"],
        ["Alpenhof", "Fromagerie Dubois"],
        ["Spice Route", "Gewürzhaus Kern"],
        ["Hamper House", "Geschenkwerk"],
        ["Ironclad", "Whizz"],
    ]

    /// Gives every product without a house brand one of its category's makers, from `rng` (a stream of its
    /// own, so the brands leave every other value of the sample as it was).
    static func assign(_ products: inout [SampleProduct], rng: inout SplitMix64) {
        for p in products.indices where products[p].brand == nil {
            let makers = Self.makers[products[p].category]
            products[p].brand = makers[rng.pick([60, 40])]
        }
    }
}
