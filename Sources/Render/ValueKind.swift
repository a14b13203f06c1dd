/// How a figure is displayed and how its change is expressed.
public enum ValueKind: Sendable {
    case percent, money, quantity, count, turns
    /// A whole number of days (lead times).
    case days
    /// A signed ratio shown as a percentage with its sign (forecast bias: positive = over-forecast).
    case signedPercent
}
