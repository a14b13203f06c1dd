/// Parses decimal numbers from bytes, in a source's dialect, to exactly the `Double` that Swift's
/// `Double(String)` gives for the same number written canonically.
///
/// Figures are compared to the last bits against an independent implementation, so the fast path is
/// taken only when it is exact (Clinger: a mantissa below 2^53 divided by an exactly representable power
/// of ten is one correctly rounded operation); anything else is rewritten canonically and handed to
/// `Double(String)`.
package struct NumberParser: Sendable {
    package let decimal: UInt8
    package let thousands: UInt8?

    /// 10^0 … 10^22, all exact in a `Double`; stored per parser because a static table is reached
    /// through a lazy-initialisation check on every call.
    private let powers: [Double]

    package init(decimal: UInt8, thousands: UInt8?) {
        self.decimal = decimal
        self.thousands = thousands
        powers = (0...22).map { k in
            var x = 1.0
            for _ in 0..<k { x *= 10 }
            return x
        }
    }

    /// The value of a trimmed, non-empty field, or `nil` when it is not a number.
    ///
    /// docs/inputs.md: "decimal, optional leading `-`, no thousands separators by default". So no `+`, no
    /// exponent, and with a configured separator the integer part is grouped as written by people and
    /// ERPs alike: a first group of 1–3 digits, then groups of exactly 3 (`1.234.567,5`; `1.5` with
    /// `thousands: "."` is rejected rather than read as 15).
    @inline(__always)
    package func parse(_ p: UnsafeBufferPointer<UInt8>) -> Double? {
        let n = p.count
        guard n > 0 else { return nil }
        var i = 0
        var negative = false
        if p[0] == UInt8(ascii: "-") { negative = true; i = 1 }
        var mantissa: UInt64 = 0
        var exact = true
        var digits = 0
        var fraction = 0
        var inFraction = false
        var lastWasDigit = false
        var grouped = false
        var groupLength = 0
        while i < n {
            let c = p[i]
            let d = c &- 48
            if d <= 9 {
                if mantissa < 100_000_000_000_000_000 {
                    mantissa = mantissa &* 10 &+ UInt64(d)
                    if inFraction { fraction += 1 }
                } else {
                    exact = false
                }
                digits += 1
                if !inFraction { groupLength += 1 }
                lastWasDigit = true
                i += 1
                continue
            }
            if c == decimal, !inFraction {
                if grouped, groupLength != 3 { return nil }
                inFraction = true
                lastWasDigit = false
                i += 1
                continue
            }
            // A digit-group separator sits between digits of the integer part.
            if let t = thousands, !inFraction, lastWasDigit {
                let width = separatorWidth(p, i, t)
                if width > 0, i + width < n, p[i + width] &- 48 <= 9 {
                    if grouped ? groupLength != 3 : groupLength > 3 { return nil }
                    grouped = true
                    groupLength = 0
                    i += width
                    lastWasDigit = false
                    continue
                }
            }
            return nil
        }
        guard digits > 0, !(grouped && !inFraction && groupLength != 3) else { return nil }
        if exact, mantissa <= 1 << 53, fraction <= 22 {
            let v = Double(mantissa) / powers[fraction]
            return negative ? -v : v
        }
        return slowParse(p)
    }

    /// Bytes the separator takes at `i`: a space also stands for the no-break spaces exports use.
    @inline(__always)
    private func separatorWidth(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ t: UInt8) -> Int {
        if p[i] == t { return 1 }
        guard t == UInt8(ascii: " ") else { return 0 }
        if p[i] == 0xC2, i + 1 < p.count, p[i + 1] == 0xA0 { return 2 }  // U+00A0
        if p[i] == 0xE2, i + 2 < p.count, p[i + 1] == 0x80, p[i + 2] == 0xAF { return 3 }  // U+202F
        return 0
    }

    /// Rewrites an already validated value canonically (`-123.45`) and lets `Double(String)` round it:
    /// for mantissas beyond 2^53 or more than 22 decimals, where one division would not be exact.
    private func slowParse(_ p: UnsafeBufferPointer<UInt8>) -> Double? {
        var out: [UInt8] = []
        out.reserveCapacity(p.count)
        for c in p {
            if c &- 48 <= 9 || c == UInt8(ascii: "-") {
                out.append(c)
            } else if c == decimal {
                out.append(UInt8(ascii: "."))
            }
            // Anything else is a digit-group separator `parse` has already checked.
        }
        guard let v = Double(String(decoding: out, as: UTF8.self)), v.isFinite else { return nil }
        return v
    }
}
