/// The one place numbers become text, on pages and in the e-mail digest.
///
/// Percentages to one decimal (`93.1 %`), money with the configured currency, thousands separators
/// and two decimals (`EUR 12,345.60`), quantities as written (no fixed decimals; integers grouped),
/// counts grouped, inventory turns to one decimal. `nil` (the spec's `null`) is always "—".
/// Formatting is pure arithmetic so it never depends on the machine's locale.
public struct ValueFormatter: Sendable {
    /// e.g. `EUR`; `nil` shows money as plain numbers.
    public var currency: String?

    /// What is shown for a `null` figure.
    public static let null = "\u{2014}"
    /// U+2212, the typographic minus, so negative changes do not read as dashes.
    static let minus = "\u{2212}"

    public init(currency: String?) {
        self.currency = currency
    }

    /// A ratio (0.931) as `93.1 %`.
    public func percent(_ value: Double?) -> String {
        guard let value, !value.isNaN else { return Self.null }
        return fixed(value * 100, decimals: 1) + " %"
    }

    /// A configured target ratio: one decimal, trailing `.0` dropped (`0.95` → `95 %`, `0.955` → `95.5 %`).
    public func targetPercent(_ value: Double) -> String {
        var text = fixed(value * 100, decimals: 1)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text + " %"
    }

    /// Money: `EUR 1,234.50`, or `1,234.50` without a currency.
    public func money(_ value: Double?) -> String {
        guard let value, !value.isNaN else { return Self.null }
        let digits = fixed(abs(value), decimals: 2)
        let sign = value < 0 && digits.contains(where: { $0 != "0" && $0 != "." && $0 != "," }) ? Self.minus : ""
        return sign + (currency.map { "\($0) " } ?? "") + digits
    }

    /// A quantity as written: integers grouped (`12,345`), fractions with up to three decimals, trailing
    /// zeros dropped (sums of decimal quantities carry binary noise such as `0.30000000000000004`).
    public func quantity(_ value: Double?) -> String {
        guard let value, !value.isNaN else { return Self.null }
        var text = fixed(value, decimals: 3)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == Self.minus + "0" ? "0" : text
    }

    /// A count: `1,234`.
    public func count(_ value: Int) -> String {
        fixed(Double(value), decimals: 0)
    }

    /// Annualised inventory turns: `8.2`.
    public func turns(_ value: Double?) -> String {
        guard let value, !value.isNaN else { return Self.null }
        return fixed(value, decimals: 1)
    }

    /// A number of days: `1 day`, `12 days`, `−2 days`.
    public func days(_ value: Double?) -> String {
        guard let value, !value.isNaN else { return Self.null }
        let text = fixed(value, decimals: 0)
        return text + (text == "1" ? " day" : " days")
    }

    /// A signed ratio as a percentage with its sign: `+12.6 %`, `−3.0 %`, `±0.0 %`.
    public func signedPercent(_ value: Double?) -> String {
        guard let value, !value.isNaN else { return Self.null }
        let magnitude = fixed(abs(value) * 100, decimals: 1)
        if !magnitude.contains(where: { ("1"..."9").contains($0) }) { return "\u{00B1}" + magnitude + " %" }
        return (value < 0 ? Self.minus : "+") + magnitude + " %"
    }

    /// A value of `kind`.
    public func format(_ value: Double?, as kind: ValueKind) -> String {
        switch kind {
        case .percent: return percent(value)
        case .money: return money(value)
        case .quantity: return quantity(value)
        case .count: return value.map { fixed($0, decimals: 0) } ?? Self.null
        case .turns: return turns(value)
        case .days: return days(value)
        case .signedPercent: return signedPercent(value)
        }
    }

    /// A configured threshold of a figure of `kind`: percentages without a trailing `.0`, days and
    /// other numbers as written (`95 %`, `10 days`, `8`).
    public func threshold(_ value: Double, as kind: ValueKind) -> String {
        switch kind {
        case .percent, .signedPercent: return targetPercent(value)
        case .money: return money(value)
        case .days: return days(value)
        case .count, .quantity, .turns: return quantity(value)
        }
    }

    /// The change from `previous` to `current`: percentage points for ratios (`+1.2 pts`), otherwise
    /// the difference in the value's own unit, always signed; "—" when either side is `null`.
    public func change(from previous: Double?, to current: Double?, as kind: ValueKind) -> String {
        guard let previous, let current else { return Self.null }
        let delta = current - previous
        let magnitude: String
        switch kind {
        case .percent: magnitude = fixed(abs(delta) * 100, decimals: 1) + " pts"
        case .money: magnitude = money(abs(delta))
        case .quantity: magnitude = quantity(abs(delta))
        case .count: magnitude = fixed(abs(delta), decimals: 0)
        case .turns: magnitude = turns(abs(delta))
        case .days: magnitude = days(abs(delta))
        case .signedPercent: magnitude = fixed(abs(delta) * 100, decimals: 1) + " pts"
        }
        let isZero = !magnitude.contains(where: { ("1"..."9").contains($0) })
        if isZero { return "\u{00B1}" + magnitude }
        return (delta < 0 ? Self.minus : "+") + magnitude
    }

    /// `value` rounded half away from zero to `decimals`, with `,` thousands separators and `.` decimals.
    func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? Self.null : (value < 0 ? Self.minus : "") + "\u{221E}" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        // Beyond 2^62 an integer would overflow; such values are absurd for a KPI but must not crash.
        guard scaled < 4.0e18 else { return String(value) }
        let units = UInt64(scaled)
        let divisor = UInt64(scale)
        let whole = units / divisor
        let fraction = units % divisor
        var text = Self.grouped(whole)
        if decimals > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: decimals - digits.count) + digits
        }
        return (value < 0 && units > 0 ? Self.minus : "") + text
    }

    static func grouped(_ value: UInt64) -> String {
        let digits = Array(String(value))
        var out = ""
        out.reserveCapacity(digits.count + digits.count / 3)
        for (i, d) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return out
    }
}
