/// How a figure is displayed and how its change is expressed.
public enum ValueKind: Sendable {
    case percent, money, quantity, count, turns
}
