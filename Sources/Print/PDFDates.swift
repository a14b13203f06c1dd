/// Sets the creation and modification dates a printer writes into a PDF's document information
/// (`/CreationDate (D:20261205213442+00'00')`) to the as-of date at midnight UTC, in place and at the same
/// length, so the cross-reference offsets stay valid. With the links of `PrintableCopy`, this makes
/// Chromium's PDF of a page the same bytes on every build (with the same Chromium and fonts).
enum PDFDates {
    /// - Parameter yyyymmdd: the as-of date as 8 digits.
    static func neutralized(_ pdf: [UInt8], yyyymmdd: String) -> [UInt8] {
        var bytes = pdf
        let stamp = Array((yyyymmdd + "000000").utf8)
        let zone = Array("+00'00'".utf8)
        for key in ["/CreationDate (D:", "/ModDate (D:"] {
            let pattern = Array(key.utf8)
            var i = 0
            while let at = find(pattern, in: bytes, from: i) {
                let digits = at + pattern.count
                i = digits
                guard digits + 14 <= bytes.count, bytes[digits..<(digits + 14)].allSatisfy(isDigit) else { continue }
                bytes.replaceSubrange(digits..<(digits + 14), with: stamp)
                // A zone `+hh'mm'` or `-hh'mm'` after the time becomes UTC; `Z` or none is left alone.
                let z = digits + 14
                if z + 7 <= bytes.count, bytes[z] == UInt8(ascii: "+") || bytes[z] == UInt8(ascii: "-"),
                   isDigit(bytes[z + 1]), isDigit(bytes[z + 2]), bytes[z + 3] == UInt8(ascii: "'"),
                   isDigit(bytes[z + 4]), isDigit(bytes[z + 5]), bytes[z + 6] == UInt8(ascii: "'") {
                    bytes.replaceSubrange(z..<(z + 7), with: zone)
                }
            }
        }
        return bytes
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    /// The document information is near the start or the end; a plain scan of a few MB is fast enough.
    private static func find(_ pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
        var i = start
        while i <= bytes.count - pattern.count {
            if bytes[i] == first, bytes[i..<(i + pattern.count)].elementsEqual(pattern) { return i }
            i += 1
        }
        return nil
    }
}
