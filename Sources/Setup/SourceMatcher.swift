import Ingest
import ScorecardCore

/// Proposes a header for every column of one source in one group of files, from the header names (the
/// dictionary), the types of the values, and the values of sources already assigned.
enum SourceMatcher {
    /// Columns that only this source has; one of them must be found on a strong signal.
    static func distinctive(_ source: SourceName) -> [String] {
        switch source {
        case .products: return ["unit_cost", "list_price"]
        case .campaigns: return ["start_date", "end_date"]
        case .campaignItems: return ["planned_units"]
        case .orders: return ["qty_ordered", "order_date", "requested_date"]
        case .deliveries: return ["ship_date", "qty_shipped"]
        case .returns: return ["return_date", "qty_returned"]
        case .freight: return ["service_level", "shipment_id"]
        case .inventory: return ["qty_on_hand", "snapshot_date"]
        case .forecast: return ["forecast_units", "week_start"]
        case .purchaseOrders: return ["po_id", "due_date"]
        case .receipts: return ["receipt_date", "qty_received"]
        }
    }

    /// Pairs of date columns whose first is on or before its second in every valid row: when the names
    /// cannot tell which is which, the values can.
    static let orderedDates: [SourceName: (String, String)] = [
        .orders: ("order_date", "requested_date"),
        .purchaseOrders: ("order_date", "due_date"),
        .campaigns: ("start_date", "end_date"),
    ]

    /// A header proposed for a column, or ruled out with a reason.
    enum Verdict {
        case candidate(Candidate)
        case ruledOut(String)
    }

    struct Candidate {
        var profile: Int
        var header: String
        var score: Int
        var strong: Bool
        var reason: String
    }

    static func match(_ source: SourceName, group: FileGroup, index: Int, known: KnownValues) -> SourceMatch {
        let columns = source.requiredColumns + source.optionalColumns
        var rejected: [Int: [String]] = [:]
        var candidates: [[Candidate]] = []
        for (ci, column) in columns.enumerated() {
            var list: [Candidate] = []
            for p in group.columns {
                switch candidate(source, column, p, group: group, known: known) {
                case .some(.candidate(let c)): list.append(c)
                case .some(.ruledOut(let why)): rejected[ci, default: []].append(why)
                case .none: break
                }
            }
            list.sort { ($0.score, -$0.profile) > ($1.score, -$1.profile) }
            candidates.append(list)
        }

        // The most certain columns choose first; a header feeds one column of a source.
        var used = Set<Int>()
        var chosen: [Int: Candidate] = [:]
        var ties: [Int: [Candidate]] = [:]
        let order = columns.indices.sorted { a, b in
            let sa = candidates[a].first?.score ?? 0, sb = candidates[b].first?.score ?? 0
            return sa != sb ? sa > sb : a < b
        }
        for ci in order {
            let free = candidates[ci].filter { !used.contains($0.profile) }
            guard let top = free.first else { continue }
            let topValues = group.columns[top.profile].values
            let tied = free.dropFirst().filter { $0.score == top.score && group.columns[$0.profile].values != topValues }
            chosen[ci] = top
            used.insert(top.profile)
            if !tied.isEmpty { ties[ci] = Array(tied) }
        }

        let notes: [String] = []
        var orderReasons: [Int: String] = [:]
        if let (first, second) = orderedDates[source], let a = columns.firstIndex(of: first), let b = columns.firstIndex(of: second),
           let ca = chosen[a], let cb = chosen[b], interchangeable(ca, cb, candidates[a], candidates[b]) {
            switch dateOrder(group, ca.profile, cb.profile) {
            case .some(true):
                orderReasons[a] = "\(first) ≤ \(second) in every sampled row with both dates"
                orderReasons[b] = orderReasons[a]
                ties[a] = nil; ties[b] = nil
            case .some(false):
                chosen[a] = cb; chosen[b] = ca
                orderReasons[a] = "\(first) ≤ \(second) in every sampled row with both dates"
                orderReasons[b] = orderReasons[a]
                ties[a] = nil; ties[b] = nil
            case .none:
                ties[a] = (ties[a] ?? []) + [cb]
                ties[b] = (ties[b] ?? []) + [ca]
            }
        }

        var choices: [ColumnChoice] = []
        var score = 0, strong = 0
        for (ci, column) in columns.enumerated() {
            let required = ci < source.requiredColumns.count
            guard let c = chosen[ci] else {
                if required {
                    var why = "no header looks like \(column) (\(describe(ColumnKind.of(column))))"
                    if let r = rejected[ci], !r.isEmpty { why += "; " + r.prefix(2).joined(separator: "; ") }
                    choices.append(ColumnChoice(column: column, header: nil, reason: why))
                }
                continue
            }
            if !required, !c.strong { continue }
            var reason = c.reason
            if let o = orderReasons[ci] { reason += "; " + o }
            let others = candidates[ci].filter { $0.profile != c.profile }.map(\.header)
            var choice = ColumnChoice(column: column, header: c.header, reason: reason, unsure: !c.strong, alternatives: Array(others.prefix(3)))
            if let tied = ties[ci] {
                choice.unsure = true
                choice.reason += "; tie with \(tied.map { "\"\($0.header)\"" }.joined(separator: ", ")), the first in the file was taken"
                choice.alternatives = tied.map(\.header) + others.filter { h in !tied.contains { $0.header == h } }.prefix(2)
            }
            if required {
                score += c.score
                if c.strong { strong += 1 }
            }
            choices.append(choice)
        }
        let distinctiveFound = distinctive(source).contains { name in
            guard let ci = columns.firstIndex(of: name), let c = chosen[ci] else { return false }
            return c.strong
        }
        var match = SourceMatch(source: source, group: index, choices: choices, score: score, strongCount: strong,
                                distinctive: distinctiveFound, notes: notes)
        let (warnings, evidence) = crossChecks(match, group: group, known: known)
        match.notes = notes + warnings
        match.evidence = evidence
        return match
    }

    /// Whether the two chosen headers score the same for both columns, so that only their values can
    /// tell which is which.
    private static func interchangeable(_ a: Candidate, _ b: Candidate, _ forA: [Candidate], _ forB: [Candidate]) -> Bool {
        guard let bForA = forA.first(where: { $0.profile == b.profile }), let aForB = forB.first(where: { $0.profile == a.profile }) else {
            return false
        }
        return bForA.score == a.score && aForB.score == b.score
    }

    /// `true` when column `a` is on or before column `b` in (nearly) every row with both dates, `false`
    /// when the reverse holds, `nil` when the values do not tell (always equal, or mixed).
    private static func dateOrder(_ group: FileGroup, _ a: Int, _ b: Int) -> Bool? {
        let style = group.dates.style
        let pattern = style.compiled
        let months = DatePattern.MonthTable()
        var before = 0, after = 0, both = 0
        for row in group.rows {
            guard let x = style.parse(row[a], pattern: pattern, months: months),
                  let y = style.parse(row[b], pattern: pattern, months: months) else { continue }
            both += 1
            if x < y { before += 1 } else if x > y { after += 1 }
        }
        guard both > 0 else { return nil }
        if before > 0, after * 20 <= both, after * 20 < before { return true }
        if after > 0, before * 20 <= both, before * 20 < after { return false }
        return nil
    }

    private static func describe(_ kind: ColumnKind) -> String {
        switch kind {
        case .date: return "a date"
        case .number: return "a number"
        case .lineNumber: return "a line number"
        case .identifier: return "an id"
        case .text: return "text"
        }
    }

    /// The candidate of `p` for `column`, a reason it was ruled out (named like the column, but its
    /// values do not fit), or `nil` when it has nothing to do with the column.
    private static func candidate(_ source: SourceName, _ column: String, _ p: ColumnProfile, group: FileGroup,
                                  known: KnownValues) -> Verdict? {
        let name = ColumnDictionary.match(p.header, source: source, column: column)
        let kind = ColumnKind.of(column)
        guard kind.accepts(p) else {
            guard let name, name.strength >= .common else { return nil }
            return .ruledOut(typeMismatch(p, kind, group: group))
        }
        var score = (name?.strength.rawValue ?? 0) * 10
        var strong = (name?.strength ?? .weak) >= .common
        var reasons: [String] = []
        if let name { reasons.append(nameReason(p.header, name)) }
        if p.isEmpty {
            guard strong else { return nil }
            reasons.append("empty in the sample, so its values could not be checked")
        }
        // The values: references to sources already assigned, and keys that must be unique.
        if let (set, what) = known.reference(for: column, of: source), !p.distinct.isEmpty {
            let found = p.distinct.filter(set.values.contains).count
            let share = Double(found) / Double(p.distinct.count)
            if share >= 0.8 {
                score += 25
                strong = true
                reasons.append("\(found) of its \(p.distinct.count) distinct sampled values are \(what)")
            } else if found == 0, set.isComplete, name != nil {
                return .ruledOut("\"\(p.header)\" is named like \(column), but none of its values (\(p.examples())) are \(what)")
            } else if found == 0, set.isComplete {
                return nil
            }
        }
        if (source, column) == (.products, "sku") || (source, column) == (.campaigns, "campaign_id"), p.distinct.count * 10 < p.values.count * 9 {
            guard name != nil else { return nil }
            return .ruledOut("\"\(p.header)\" is named like \(column), but its values repeat (\(column) is the key of \(source))")
        }
        guard score > 0 else { return nil }
        if !strong { reasons.append("only a generic name: check it") }
        if !p.isEmpty { reasons.append("e.g. \(p.examples(2))") }
        return .candidate(Candidate(profile: p.index, header: p.header, score: score, strong: strong, reason: reasons.joined(separator: "; ")))
    }

    private static func nameReason(_ header: String, _ m: ColumnDictionary.Match) -> String {
        if let gloss = m.gloss { return gloss }
        switch m.origin {
        case .canonical: return "the canonical name"
        case .generic: return "\"\(header)\" is \(m.origin.rawValue)"
        default: return "\(m.origin.rawValue)"
        }
    }

    private static func typeMismatch(_ p: ColumnProfile, _ kind: ColumnKind, group: FileGroup) -> String {
        let head = "\"\(p.header)\" is named like it, but"
        switch kind {
        case .date:
            if let fit = p.dateFit, let other = fit.styles.first {
                return "\(head) its dates are written \(other.pattern()) while the file's other dates are \(group.dates.pattern), and a source has one date_format"
            }
            return "\(head) its values are not dates (\(p.examples()))"
        case .number: return "\(head) its values are not numbers with \(group.numbers.style) (\(p.examples()))"
        case .lineNumber: return "\(head) its values are not line numbers (\(p.examples()))"
        case .identifier, .text: return "\(head) its values are dates (\(p.examples()))"
        }
    }

    /// Checks across columns: a delivery's (order_id, line_no) should be a line of orders; a campaign item
    /// has exactly one of sku and category.
    private static func crossChecks(_ m: SourceMatch, group: FileGroup, known: KnownValues) -> (warnings: [String], evidence: [String]) {
        var notes: [String] = []
        var evidence: [String] = []
        let cols = m.columns
        func index(_ c: String) -> Int? { cols[c].flatMap { h in group.header.firstIndex(of: h) } }
        switch m.source {
        case .deliveries, .returns:
            if let lines = known.orderLines, let i = index("order_id"), let l = index("line_no") {
                let keys = group.rows.lazy.filter { !$0[i].isEmpty }.map { KnownValues.lineKey($0[i], $0[l]) }
                let total = keys.count
                let found = keys.filter(lines.values.contains).count
                if total > 0, lines.isComplete, found * 2 < total {
                    notes.append("only \(found) of \(total) sampled (order_id, line_no) pairs are lines of orders: check order_id and line_no")
                } else if total > 0, found > 0 {
                    evidence.append("\(found) of \(total) sampled (order_id, line_no) pairs are lines of orders")
                }
            }
        case .receipts:
            if let lines = known.poLines, let i = index("po_id"), let l = index("line_no") {
                let keys = group.rows.lazy.filter { !$0[i].isEmpty }.map { KnownValues.lineKey($0[i], $0[l]) }
                let total = keys.count
                let found = keys.filter(lines.values.contains).count
                if total > 0, lines.isComplete, found * 2 < total {
                    notes.append("only \(found) of \(total) sampled (po_id, line_no) pairs are lines of purchase_orders: check po_id and line_no")
                }
            }
        case .campaignItems:
            if let s = index("sku"), let c = index("category") {
                let bad = group.rows.filter { $0[s].isEmpty == $0[c].isEmpty }.count
                if bad > 0 {
                    notes.append("\(bad) of \(group.rows.count) sampled rows have both or neither of sku and category (they will be rejected)")
                }
            }
        default:
            break
        }
        return (notes, evidence)
    }
}
