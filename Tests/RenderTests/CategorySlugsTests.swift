import Testing
@testable import Render

@Suite struct CategorySlugsTests {
    @Test(arguments: [
        ("Nuts & Dried Fruit", "nuts-dried-fruit"),
        ("Gemüse & Süßes", "gemuse-susses"),
        ("Crème Brûlée", "creme-brulee"),
        ("  Tea  ", "tea"),
        ("Æble-Øl / Smørrebrød", "aeble-ol-smorrebrod"),
        ("ﬁne Foods №1", "fine-foods-no1"),
        ("Łódź_Żurek", "lodz-zurek"),
        ("C++ -- & 100%", "c-100"),
        ("Cheese", "cheese"),
    ])
    func readableSlugs(name: String, slug: String) {
        #expect(CategorySlugs.slug(name) == slug)
        #expect(CategorySlugs(categories: [name]).folder(name) == slug)
    }

    static func isSlug(_ s: String) -> Bool {
        !s.isEmpty && !s.hasPrefix("-") && !s.hasSuffix("-") && !s.contains("--")
            && s.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    @Test func aNameWithoutLatinLettersGetsAHashedName() {
        let folders = CategorySlugs(categories: ["日本茶", "Чай", "!!!"])
        for name in ["日本茶", "Чай", "!!!"] {
            #expect(folders.folder(name).hasPrefix("category-"))
            #expect(Self.isSlug(folders.folder(name)))
        }
        #expect(Set(["日本茶", "Чай", "!!!"].map(folders.folder)).count == 3)
    }

    @Test func namesGivingTheSameSlugAllGetDistinctStableSuffixes() {
        let names = ["Tea", "TEA", "tea!", "Coffee"]
        let folders = CategorySlugs(categories: names)
        #expect(folders.folder("Coffee") == "coffee")
        for name in ["Tea", "TEA", "tea!"] {
            #expect(folders.folder(name).hasPrefix("tea-"))
            #expect(folders.folder(name).count == "tea-".count + CategorySlugs.hashDigits)
        }
        #expect(Set(names.map(folders.folder)).count == names.count)
        // Stable: the same in another order, and "Tea"'s folder does not depend on whether "Coffee" is there.
        let reordered = CategorySlugs(categories: names.reversed())
        for name in names { #expect(reordered.folder(name) == folders.folder(name)) }
        #expect(CategorySlugs(categories: ["Tea", "TEA"]).folder("Tea") == folders.folder("Tea"))
    }

    @Test func aSlugThatLooksLikeAnotherNamesSuffixedSlugStaysUnique() {
        let suffixed = CategorySlugs(categories: ["Tea", "TEA"]).folder("Tea")
        let folders = CategorySlugs(categories: ["Tea", "TEA", suffixed])
        let all = ["Tea", "TEA", suffixed].map(folders.folder)
        #expect(Set(all).count == 3)
        for folder in all { #expect(Self.isSlug(folder)) }
    }

    @Test func longNamesAreBoundedAndStayUnique() {
        let a = String(repeating: "Schokolade ", count: 1_000) + "a"
        let b = String(repeating: "Schokolade ", count: 1_000) + "b"
        let folders = CategorySlugs(categories: [a, b])
        for name in [a, b] {
            #expect(folders.folder(name).utf8.count <= CategorySlugs.maxLength)
            #expect(Self.isSlug(folders.folder(name)))
        }
        #expect(folders.folder(a) != folders.folder(b))
        #expect(folders.folder(a).hasPrefix("schokolade-schokolade-"))
    }
}
