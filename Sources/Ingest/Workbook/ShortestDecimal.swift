/// A number written the way a CSV export of a sheet writes it: the shortest digits that read back as the
/// same `Double`, in plain decimal notation (`1700106`, `1447296446.7`, `0.000001`,
/// `1000000000000000000000`), never `1700106.0` or `1.7E6`.
///
/// Why not `Double.description`: it adds `.0` to whole numbers and switches to exponent notation outside
/// 1e-4 ... 1e16 (`1e+16`, `1.2345678901234568e+20`), and a SKU or order number must read as it does on the
/// sheet. Its digits are the shortest that round-trip, so they are taken from it and placed plainly.
package enum ShortestDecimal {
    /// `value` (finite) in plain decimal; `-0` is `0`.
    package static func text(_ value: Double) -> String {
        var out: [UInt8] = []
        append(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `value` (finite) in plain decimal to `out`.
    package static func append(_ value: Double, to out: inout [UInt8]) {
        guard value.isFinite else { out += Array(value.description.utf8); return }
        if value == 0 { out.append(UInt8(ascii: "0")); return }
        // `description` of a finite Double: [-]digits[.digits][e(+|-)digits], with the shortest digits.
        let d = Array(value.magnitude.description.utf8)
        var digits: [UInt8] = []
        var beforePoint = 0
        var seenPoint = false
        var exponent = 0
        var i = 0
        while i < d.count {
            let c = d[i]
            if c == UInt8(ascii: ".") { seenPoint = true }
            else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                var sign = 1
                var j = i + 1
                if j < d.count, d[j] == UInt8(ascii: "-") { sign = -1; j += 1 } else if j < d.count, d[j] == UInt8(ascii: "+") { j += 1 }
                var e = 0
                while j < d.count { e = e * 10 + Int(d[j] &- 48); j += 1 }
                exponent = sign * e
                break
            } else {
                digits.append(c)
                if !seenPoint { beforePoint += 1 }
            }
            i += 1
        }
        // The decimal point sits after `point` digits of `digits`.
        var point = beforePoint + exponent
        while let first = digits.first, first == UInt8(ascii: "0"), digits.count > 1 { digits.removeFirst(); point -= 1 }
        while let last = digits.last, last == UInt8(ascii: "0"), digits.count > 1 { digits.removeLast() }
        if value < 0 { out.append(UInt8(ascii: "-")) }
        if point <= 0 {
            out.append(UInt8(ascii: "0"))
            out.append(UInt8(ascii: "."))
            out += repeatElement(UInt8(ascii: "0"), count: -point)
            out += digits
        } else if point >= digits.count {
            out += digits
            out += repeatElement(UInt8(ascii: "0"), count: point - digits.count)
        } else {
            out += digits[..<point]
            out.append(UInt8(ascii: "."))
            out += digits[point...]
        }
    }

    /// Whether `text` is already a plain decimal that round-trips (at most 15 significant digits, no
    /// exponent, no superfluous zeros), so that it can be kept as it is: the common case of a `<v>`.
    package static func isCanonical(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = text.count
        guard n > 0, n <= 17 else { return false }
        var i = 0
        if text[0] == UInt8(ascii: "-") { i = 1; guard n > 1 else { return false } }
        let intStart = i
        while i < n, text[i] >= 48, text[i] <= 57 { i += 1 }
        let intDigits = i - intStart
        guard intDigits > 0 else { return false }
        // No leading zero unless the integer part is a single 0.
        if intDigits > 1, text[intStart] == UInt8(ascii: "0") { return false }
        var significant = text[intStart] == UInt8(ascii: "0") ? 0 : intDigits
        if i < n {
            guard text[i] == UInt8(ascii: "."), i + 1 < n else { return false }
            i += 1
            let fracStart = i
            while i < n, text[i] >= 48, text[i] <= 57 { i += 1 }
            guard i == n, text[n - 1] != UInt8(ascii: "0") else { return false }
            if significant == 0 {
                var k = fracStart
                while k < n, text[k] == UInt8(ascii: "0") { k += 1 }
                significant = n - k
            } else {
                significant += n - fracStart
            }
        } else if intDigits == 1, text[intStart] == UInt8(ascii: "0") {
            // "0" is canonical, "-0" is not.
            return intStart == 0
        }
        return significant <= 15
    }
}
