// The number parser in every decimal/thousands combination. Invariants:
// - a number it accepts is exactly `Double(String)` of the same number written canonically (separators
//   removed, decimal point); it is finite;
// - with the default dialect, a canonical number (`-?digits[.digits]`) that `Double(String)` reads as a
//   finite value is accepted, with the same bits.
import FuzzSupport
import Ingest

runFuzzer { data, size in fuzzNumberParser(data, size) }

func fuzzNumberParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let dialects: [(decimal: UInt8, thousands: UInt8?)] = [
        (46, nil), (44, nil), (46, 44), (44, 46), (46, 32), (44, 32), (46, 39), (44, 39),
    ]
    let dialect = input.pick(dialects)
    let bytes = input.rest
    let value = FuzzProbe.number(bytes, decimal: dialect.decimal, thousands: dialect.thousands)
    if let value {
        fuzzCheck(value.isFinite, "not finite")
        var canonical: [UInt8] = []
        for c in bytes {
            if c >= 48 && c <= 57 || c == 45 { canonical.append(c) } else if c == dialect.decimal { canonical.append(46) }
        }
        let text = String(decoding: canonical, as: UTF8.self)
        let expected = Double(text)
        fuzzCheck(expected?.bitPattern == value.bitPattern, "\(String(decoding: bytes, as: UTF8.self)) gave \(value), Double(\"\(text)\") is \(String(describing: expected))")
    }
    // The documented agreement with Double(String) on canonical input, in the default dialect.
    let plain = FuzzProbe.number(bytes, decimal: 46, thousands: nil)
    if isCanonical(bytes) {
        let text = String(decoding: bytes, as: UTF8.self)
        if let expected = Double(text), expected.isFinite {
            fuzzCheck(plain?.bitPattern == expected.bitPattern, "\(text) gave \(String(describing: plain)), Double(String) \(expected)")
        } else {
            fuzzCheck(plain == nil, "\(text) gave \(String(describing: plain)), Double(String) is not finite")
        }
    }
    return 0
}

/// `-?[0-9]+(\.[0-9]+)?`
func isCanonical(_ b: [UInt8]) -> Bool {
    var i = 0
    if i < b.count, b[i] == 45 { i += 1 }
    let intStart = i
    while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }
    guard i > intStart else { return false }
    if i == b.count { return true }
    guard b[i] == 46 else { return false }
    i += 1
    let fracStart = i
    while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }
    return i > fracStart && i == b.count
}
