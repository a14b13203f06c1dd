import Ingest

/// How an export writes numbers: its decimal separator and digit grouping (the `decimal:` and
/// `thousands:` keys of the config).
struct NumberStyle: Sendable, Hashable, CustomStringConvertible {
    let decimal: UInt8
    let thousands: UInt8?
    /// Made once: a parser builds its table of powers of ten when created.
    let parser: NumberParser

    init(decimal: UInt8, thousands: UInt8?) {
        self.decimal = decimal
        self.thousands = thousands
        parser = NumberParser(decimal: decimal, thousands: thousands)
    }

    static func == (a: NumberStyle, b: NumberStyle) -> Bool { a.decimal == b.decimal && a.thousands == b.thousands }

    func hash(into h: inout Hasher) {
        h.combine(decimal)
        h.combine(thousands)
    }

    static let plain = NumberStyle(decimal: UInt8(ascii: "."), thousands: nil)

    /// Every style tried, simplest first: among styles that read a sample the same way, the first wins.
    static let candidates: [NumberStyle] = [
        .plain,
        NumberStyle(decimal: UInt8(ascii: ","), thousands: nil),
        NumberStyle(decimal: UInt8(ascii: "."), thousands: UInt8(ascii: ",")),
        NumberStyle(decimal: UInt8(ascii: ","), thousands: UInt8(ascii: ".")),
        NumberStyle(decimal: UInt8(ascii: ","), thousands: UInt8(ascii: " ")),
        NumberStyle(decimal: UInt8(ascii: "."), thousands: UInt8(ascii: " ")),
        NumberStyle(decimal: UInt8(ascii: "."), thousands: UInt8(ascii: "'")),
    ]

    var description: String {
        let d = "decimal \"\(Character(Unicode.Scalar(decimal)))\""
        guard let thousands else { return d + ", no digit grouping" }
        return d + ", thousands \"\(Character(Unicode.Scalar(thousands)))\""
    }

    /// The value of `text` in this style, or `nil`.
    func parse(_ text: String) -> Double? {
        var t = text
        return t.withUTF8 { parser.parse($0) }
    }
}

/// The number style of one file (or group of files of one shape), decided from its numeric columns.
struct NumberStyleGuess: Sendable {
    var style: NumberStyle
    /// Other styles that read the sample equally well but give different values (`1.000` is 1 or 1000).
    var ambiguousWith: [NumberStyle]
    /// A sample value that shows the decision, e.g. `1.234,50`.
    var evidence: String?
    /// How the ambiguity was settled, when there was one.
    var settledBy: String?
    /// The file whose digit grouping this one takes (its own sample shows none).
    var groupingFrom: String?

    /// Scores every candidate style by how many values of the numeric-looking columns it parses; among
    /// the best, styles that agree on every value are one choice (the simplest is taken), so only
    /// styles that read some value differently are an ambiguity.
    static func guess(columns: [[String]]) -> NumberStyleGuess {
        let candidates = NumberStyle.candidates
        var score = [Int](repeating: 0, count: candidates.count)
        var numericColumns: [[String]] = []
        for values in columns where !values.isEmpty {
            let parsed = candidates.map { style in values.reduce(0) { $0 + (style.parse($1) != nil ? 1 : 0) } }
            // A numeric column: some style reads nearly all of its values.
            guard let best = parsed.max(), best * 10 >= values.count * 9 else { continue }
            numericColumns.append(values)
            for k in candidates.indices { score[k] += parsed[k] }
        }
        guard let top = score.max(), top > 0 else { return NumberStyleGuess(style: .plain, ambiguousWith: [], evidence: nil, settledBy: nil) }
        let tied = candidates.indices.filter { score[$0] == top }.map { candidates[$0] }
        let first = tied[0]
        // Styles that read some value differently from the first.
        var different: [NumberStyle] = []
        var evidence: String?
        for other in tied.dropFirst() {
            for values in numericColumns {
                if let v = values.first(where: { first.parse($0) != other.parse($0) }) {
                    different.append(other)
                    if evidence == nil { evidence = v }
                    break
                }
            }
        }
        if evidence == nil, first.thousands != nil {
            // A value that shows the grouping.
            let ungrouped = NumberStyle(decimal: first.decimal, thousands: nil)
            evidence = numericColumns.lazy.compactMap { $0.first { v in ungrouped.parse(v) == nil && first.parse(v) != nil } }.first
        }
        if evidence == nil {
            // The value that tells this style from the plain one, if any.
            evidence = numericColumns.lazy.compactMap { $0.first { v in NumberStyle.plain.parse(v) != first.parse(v) } }.first
        }
        return NumberStyleGuess(style: first, ambiguousWith: different, evidence: evidence, settledBy: nil)
    }
}

extension NumberStyle {
    /// `value` written in this style (its shortest decimal digits, grouped when the style groups): how a
    /// number cell of a workbook reads when its sheet's text numbers are written this way.
    func format(_ value: Double) -> String {
        let plain = Array(ShortestDecimal.text(value).utf8)
        var sign: [UInt8] = []
        var digits = plain[...]
        if digits.first == UInt8(ascii: "-") { sign = [UInt8(ascii: "-")]; digits = digits.dropFirst() }
        let point = digits.firstIndex(of: UInt8(ascii: ".")) ?? digits.endIndex
        var whole = Array(digits[..<point])
        if let thousands, whole.count > 3 {
            var grouped: [UInt8] = []
            for (k, c) in whole.enumerated() {
                if k > 0, (whole.count - k) % 3 == 0 { grouped.append(thousands) }
                grouped.append(c)
            }
            whole = grouped
        }
        var out = sign + whole
        if point < digits.endIndex { out += [decimal] + digits[digits.index(after: point)...] }
        return String(decoding: out, as: UTF8.self)
    }
}
