import Testing
@testable import Ingest

@Suite struct NumberParserTests {
    static func parse(_ s: String, decimal: Character = ".", thousands: Character? = nil) -> Double? {
        let p = NumberParser(decimal: decimal.asciiValue!, thousands: thousands?.asciiValue)
        return Array(s.utf8).withUnsafeBufferPointer { p.parse($0) }
    }

    @Test(arguments: [
        ("123.45", 123.45), ("0", 0), ("-0.1", -0.1), ("007.50", 7.5), (".5", 0.5), ("5.", 5),
        ("0.1", 0.1), ("9007199254740993", 9_007_199_254_740_992), ("123456789012345678901.5", 123456789012345678901.5),
        ("0.12345678901234567890123456", 0.12345678901234567890123456),
    ])
    func canonical(text: String, value: Double) {
        #expect(Self.parse(text) == value)
    }

    @Test(arguments: ["", "-", ".", "abc", "1.2.3", "1,5", "12a", "Freight Included in Commodity Cost", "1 000", "nan", "inf", "1e",
                            // docs/inputs.md: decimal with an optional leading "-": no "+", no exponent.
                            "+7", "1e3", "2.5E-2", "--1", "1-"])
    func notNumbersByDefault(text: String) {
        #expect(Self.parse(text) == nil)
    }

    @Test func decimalCommaAndThousands() {
        #expect(Self.parse("1.234,50", decimal: ",", thousands: ".") == 1234.5)
        #expect(Self.parse("12,75", decimal: ",", thousands: ".") == 12.75)
        #expect(Self.parse("-1.000.000", decimal: ",", thousands: ".") == -1_000_000)
        #expect(Self.parse("1,234,567.89", thousands: ",") == 1_234_567.89)
        #expect(Self.parse("1'234.5", thousands: "'") == 1234.5)
        #expect(Self.parse("1 234,5", decimal: ",", thousands: " ") == 1234.5)
        // French exports group with a no-break space (U+00A0) or a narrow one (U+202F).
        #expect(Self.parse("1\u{A0}234,5", decimal: ",", thousands: " ") == 1234.5)
        #expect(Self.parse("1\u{202F}234,5", decimal: ",", thousands: " ") == 1234.5)
        // A separator must sit between digits of the integer part.
        #expect(Self.parse(".5", decimal: ",", thousands: ".") == nil)
        #expect(Self.parse("1,5.", decimal: ",", thousands: ".") == nil)
        // Groups: 1–3 digits first, then exactly 3, so a decimal point in a decimal-comma export is caught.
        #expect(Self.parse("1.5", decimal: ",", thousands: ".") == nil)
        #expect(Self.parse("12.34", decimal: ",", thousands: ".") == nil)
        #expect(Self.parse("1234.567", decimal: ",", thousands: ".") == nil)
        #expect(Self.parse("1.234.56", decimal: ",", thousands: ".") == nil)
        #expect(Self.parse("1.2345,6", decimal: ",", thousands: ".") == nil)
        #expect(Self.parse("123.456.789,01", decimal: ",", thousands: ".") == 123_456_789.01)
        #expect(Self.parse("1234,5", decimal: ",", thousands: ".") == 1234.5) // grouping is optional
        #expect(Self.parse("1.234.567.890.123.456.789.012,5", decimal: ",", thousands: ".") == 1_234_567_890_123_456_789_012.5)
    }

    /// The fast path must give the same bits as `Double(String)`, which the reference implementation uses.
    @Test func sameBitsAsDoubleFromString() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return state
        }
        var mismatches: [String] = []
        for k in 0..<200_000 {
            let digits = Int(next() % 19) + 1
            var s = String(next() % UInt64(pow10(digits)))
            let frac = Int(next() % UInt64(min(s.count + 1, 20)))
            if frac > 0 {
                while s.count <= frac { s = "0" + s }
                s.insert(".", at: s.index(s.endIndex, offsetBy: -frac))
            }
            if k % 3 == 0 { s = "-" + s }
            let expected = Double(s)
            let got = Self.parse(s)
            if got?.bitPattern != expected?.bitPattern { mismatches.append(s) }
        }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5))")
    }

    private func pow10(_ n: Int) -> UInt64 { (0..<n).reduce(1) { r, _ in r * 10 } }
}
