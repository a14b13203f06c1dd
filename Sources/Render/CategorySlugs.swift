import Foundation

/// Readable, unique folder names for category pages (`categories/NAME/index.html`):
/// `Nuts & Dried Fruit` → `nuts-dried-fruit`, `Gemüse & Süßes` → `gemuse-susses`.
///
/// A slug is lowercase ASCII letters and digits separated by single hyphens: Latin letters lose their
/// accents (ü → u, é → e), a few letters are spelled out (ß → ss, æ → ae, ø → o, þ → th …), compatibility
/// forms are unfolded (ﬁ → fi), and every other run of characters becomes one hyphen. A slug depends only on
/// its name, so it is stable across builds, except that a hyphen and 8 hex digits of a hash of the name
/// are appended when the name gives no slug at all (`category-…`, e.g. a name in another script), when two
/// names give the same slug (`Tea` and `TEA`: both get a suffix, so neither name's folder depends on which
/// one comes first), or when the slug is cut to `maxLength`. Lowercase only, so two folders never collide on a
/// case-insensitive file system either.
struct CategorySlugs: Sendable {
    /// The most bytes of a folder name, suffix included.
    static let maxLength = 64
    static let hashDigits = 8

    private var names: [String: String]

    init(categories: [String]) {
        var plain: [String: (slug: String, cut: Bool)] = [:]
        for name in Set(categories) { plain[name] = Self.bounded(Self.slug(name)) }
        var count: [String: Int] = [:]
        for (_, p) in plain { count[p.slug, default: 0] += 1 }
        var names: [String: String] = [:]
        for (name, p) in plain {
            names[name] = p.slug.isEmpty || p.cut || count[p.slug, default: 0] > 1 ? Self.suffixed(p.slug, name) : p.slug
        }
        // A suffixed slug could still equal another name's plain one (`tea-0a1b2c3d` written out): give
        // every name of such a group a longer hash, then, should even that tie, a counter in name order.
        var byFolder = Dictionary(grouping: names.keys, by: { names[$0] ?? "" })
        for (_, group) in byFolder where group.count > 1 {
            for name in group { names[name] = Self.suffixed(plain[name]?.slug ?? "", name, digits: 16) }
        }
        byFolder = Dictionary(grouping: names.keys, by: { names[$0] ?? "" })
        for (folder, group) in byFolder where group.count > 1 {
            for (n, name) in group.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }).enumerated() where n > 0 {
                names[name] = folder + "-\(n + 1)"
            }
        }
        self.names = names
    }

    /// The folder of `name`; a name not given at `init` gets its slug on its own (with a suffix when empty
    /// or cut), so it is safe too.
    func folder(_ name: String) -> String {
        if let folder = names[name] { return folder }
        let p = Self.bounded(Self.slug(name))
        return p.slug.isEmpty || p.cut ? Self.suffixed(p.slug, name) : p.slug
    }

    /// Letters spelled out rather than stripped of a mark.
    static let spelled: [Character: String] = [
        "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d",
        "ð": "d", "Ð": "d", "þ": "th", "Þ": "th", "ł": "l", "Ł": "l", "ı": "i", "ħ": "h", "Ħ": "h", "ŧ": "t", "Ŧ": "t",
        "ŋ": "n", "Ŋ": "n", "ĸ": "k",
    ]

    /// The plain slug of `name` (possibly empty, not yet bounded).
    static func slug(_ name: String) -> String {
        var out = ""
        var pendingHyphen = false
        func append(_ text: String) {
            if pendingHyphen, !out.isEmpty { out += "-" }
            pendingHyphen = false
            out += text
        }
        for character in name {
            if let ascii = asciiAlphanumeric(character) {
                append(ascii)
            } else if let spelledOut = spelled[character] {
                append(spelledOut)
            } else {
                // Accents off (NFKD splits é into e and a combining mark; the mark is dropped), ligatures unfolded.
                let folded = String(character).decomposedStringWithCompatibilityMapping.unicodeScalars
                    .compactMap { asciiAlphanumeric(Character($0)) }.joined()
                if folded.isEmpty { pendingHyphen = true } else { append(folded) }
            }
        }
        return out
    }

    private static func asciiAlphanumeric(_ c: Character) -> String? {
        guard let a = c.asciiValue else { return nil }
        switch a {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return String(c)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return String(Character(Unicode.Scalar(a + 32)))
        default: return nil
        }
    }

    /// A slug cut to leave room for a suffix when it is longer than `maxLength`, at a hyphen where one is near.
    static func bounded(_ slug: String) -> (slug: String, cut: Bool) {
        guard slug.utf8.count > maxLength else { return (slug, false) }
        var cut = String(slug.prefix(maxLength - hashDigits - 1))
        if let hyphen = cut.lastIndex(of: "-"), cut.distance(from: cut.startIndex, to: hyphen) > maxLength / 2 {
            cut = String(cut[..<hyphen])
        }
        while cut.hasSuffix("-") { cut.removeLast() }
        return (cut, true)
    }

    /// `slug-0a1b2c3d` (or `category-0a1b2c3d` for an empty slug): hex digits of a stable hash of the name.
    static func suffixed(_ slug: String, _ name: String, digits: Int = hashDigits) -> String {
        let hex = String(Hash.fnv1a64(name), radix: 16)
        let full = String(repeating: "0", count: 16 - hex.count) + hex
        let base = slug.isEmpty ? "category" : String(slug.prefix(maxLength - digits - 1))
        return base + "-" + full.prefix(digits)
    }
}
