/// Decides whether a freight row's service level is an emergency one: trimmed, ignoring case.
///
/// Freight exports repeat a handful of service levels millions of times, so each distinct spelling is
/// folded once and the answer cached.
struct EmergencyLevels: Sendable {
    private let levels: Set<String>
    private var cache: [String: Bool] = [:]

    init(_ levels: [String]) {
        self.levels = Set(levels.map { EmergencyLevels.fold($0) })
    }

    mutating func isEmergency(_ serviceLevel: String) -> Bool {
        if let known = cache[serviceLevel] { return known }
        let answer = levels.contains(EmergencyLevels.fold(serviceLevel))
        cache[serviceLevel] = answer
        return answer
    }

    static func fold(_ s: String) -> String {
        var sub = Substring(s)
        while let c = sub.first, c.isWhitespace { sub = sub.dropFirst() }
        while let c = sub.last, c.isWhitespace { sub = sub.dropLast() }
        return sub.uppercased()
    }
}
