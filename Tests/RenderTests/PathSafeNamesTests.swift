import Testing
@testable import Render

@Suite struct PathSafeNamesTests {
    static let tricky = ["C-17", "C/17", "C 17", "C_17", "C_2F17", "<script>", "Été 2026", "C%2F17", "..", ".", "C-17 "]

    @Test func namesUseOnlySafeCharacters() {
        let folders = PathSafeNames(ids: Self.tricky)
        for id in Self.tricky {
            let name = folders.folder(id)
            #expect(!name.isEmpty)
            #expect(name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }, "\(id) → \(name)")
        }
    }

    @Test func namesNeverCollide() {
        let folders = PathSafeNames(ids: Self.tricky)
        let names = Self.tricky.map { folders.folder($0) }
        #expect(Set(names).count == Self.tricky.count)
        // Not even on a case-insensitive file system.
        #expect(Set(names.map { $0.lowercased() }).count == Self.tricky.count)
    }

    @Test(arguments: [
        ("C-17", "C-17"),
        ("C/17", "C_2F17"),
        ("C_17", "C__17"),
        ("C_2F17", "C__2F17"),  // a literal "_2F" cannot be mistaken for an encoded "/"
        ("<a>", "_3Ca_3E"),
        ("é", "_C3_A9"),
    ])
    func encoding(id: String, name: String) {
        #expect(PathSafeNames.encode(id) == name)
    }

    @Test func idsDifferingOnlyInCaseGetDistinctSuffixes() {
        let folders = PathSafeNames(ids: ["bf-2026", "BF-2026", "other"])
        #expect(folders.folder("other") == "other")
        #expect(folders.folder("bf-2026").hasPrefix("bf-2026_-"))
        #expect(folders.folder("BF-2026").hasPrefix("BF-2026_-"))
        #expect(folders.folder("bf-2026").lowercased() != folders.folder("BF-2026").lowercased())
    }

    @Test func longIdsAreShortenedAndStayUnique() {
        let a = String(repeating: "é", count: 100) + "a"
        let b = String(repeating: "é", count: 100) + "b"
        let folders = PathSafeNames(ids: [a, b])
        #expect(folders.folder(a).utf8.count <= PathSafeNames.maxLength)
        #expect(folders.folder(a) != folders.folder(b))
    }
}
