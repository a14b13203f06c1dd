/// Safe, unique folder names for campaign ids and category names (`campaigns/NAME/index.html`,
/// `categories/NAME/index.html`).
///
/// Letters, digits and `-` stay; `_` becomes `__`; every other UTF-8 byte becomes `_XX` (upper-case hex).
/// `_` is always followed by `_` or two hex digits, so the encoding is one-to-one and two ids never share
/// a folder. Names are also URL-safe, so links need no further escaping. Two cases get a suffix
/// `_-` + 16 hex digits of a hash of the id (a sequence the plain encoding never produces):
/// names longer than `maxLength` bytes (file systems cap a name at 255 bytes), and ids whose names
/// differ only in letter case (they would collide on a case-insensitive file system such as macOS's).
struct PathSafeNames: Sendable {
    static let maxLength = 120

    private var names: [String: String]

    init(ids: [String]) {
        var plain: [String: String] = [:]
        for id in ids { plain[id] = Self.encode(id) }
        var byFolded: [String: Int] = [:]
        for name in Set(plain.values) { byFolded[name.lowercased(), default: 0] += 1 }
        names = [:]
        for (id, name) in plain {
            if name.utf8.count > Self.maxLength {
                names[id] = Self.encode(id, limit: Self.maxLength - 18) + Self.suffix(id)
            } else if byFolded[name.lowercased(), default: 0] > 1 {
                names[id] = name + Self.suffix(id)
            } else {
                names[id] = name
            }
        }
    }

    /// The folder name of `id` (ids not given at `init` are encoded on their own).
    func folder(_ id: String) -> String {
        names[id] ?? Self.encode(id)
    }

    /// The reversible encoding, before collision handling; with `limit`, only the whole `_XX`/`__` tokens
    /// that fit in `limit` bytes (so a truncated name still ends on a token boundary).
    static func encode(_ id: String, limit: Int = .max) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(id.utf8.count)
        for b in id.utf8 {
            let token: [UInt8]
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                token = [b]
            case UInt8(ascii: "_"):
                token = [b, b]
            default:
                token = [UInt8(ascii: "_"), hex[Int(b >> 4)], hex[Int(b & 0xF)]]
            }
            if out.count + token.count > limit { break }
            out += token
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func suffix(_ id: String) -> String {
        let h = Hash.fnv1a64(id)
        let digits = String(h, radix: 16, uppercase: true)
        return "_-" + String(repeating: "0", count: 16 - digits.count) + digits
    }
}
