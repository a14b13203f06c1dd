import ScorecardCore

/// What `scorecard init` proposes: which files feed which source, and which header feeds which column.
struct SetupPlan: Sendable {
    struct Assignment: Sendable {
        var match: SourceMatch
        /// Other groups that fit the source as well (a tie settled by path order), for the comment.
        var alsoFits: [String]
    }

    var inspection: ExportInspection
    var assignments: [SourceName: Assignment]
    /// Required sources that no file provides.
    var missingSources: [SourceName]
    /// Optional sources left out, and why, when a file came close.
    var leftOut: [SourceName: String]
    /// Dimensions proposed for `segments:` (written commented out), and columns that looked like one but
    /// were not proposed, with why.
    var segments: [SegmentProposal] = []
    var segmentNotes: [String] = []

    /// Groups that feed no source.
    var unusedGroups: [Int] {
        let used = Set(assignments.values.map(\.match.group))
        return inspection.groups.indices.filter { !used.contains($0) }
    }

    /// Every required column of every source found is mapped, and every required source is found.
    var isComplete: Bool { missingSources.isEmpty && assignments.values.allSatisfy { $0.match.isComplete } }

    /// Decides, source by source in the order they are read (so that references can be checked against
    /// the sources they point to), which group of files feeds it.
    static func make(_ inspection: ExportInspection) -> SetupPlan {
        var known = KnownValues()
        var assignments: [SourceName: Assignment] = [:]
        var missing: [SourceName] = []
        var leftOut: [SourceName: String] = [:]
        var usedBy: [Int: [SourceName]] = [:]
        let groups = inspection.groups
        for source in SourceName.allCases {
            var matches = groups.indices.map { SourceMatcher.match(source, group: groups[$0], index: $0, known: known) }
                .filter(\.distinctive)
            // A file already feeding a source feeds another one only when it has all of its columns (an
            // export of shipped order lines is orders and deliveries).
            let partialOfUsed = matches.filter { usedBy[$0.group] != nil && !$0.isComplete }
            matches = matches.filter { usedBy[$0.group] == nil || $0.isComplete }
            if !source.isRequired {
                if let near = matches.first(where: { !$0.isComplete }) {
                    leftOut[source] = "\(groups[near.group].label) looks like \(source) but lacks \(near.missing.joined(separator: ", "))"
                }
                matches = matches.filter(\.isComplete)
            }
            matches.sort { rank($1).lexicographicallyPrecedes(rank($0)) }
            guard let best = matches.first else {
                if source.isRequired {
                    missing.append(source)
                    if let near = partialOfUsed.first {
                        leftOut[source] = "\(groups[near.group].label) (already \(usedBy[near.group]!.map(\.rawValue).joined(separator: ", "))) lacks \(near.missing.joined(separator: ", ")) for it"
                    }
                }
                continue
            }
            if source == .receipts, assignments[.purchaseOrders] == nil {
                leftOut[source] = "\(groups[best.group].label) looks like receipts, but receipts count only against purchase_orders, which no file provides"
                continue
            }
            let alsoFits = matches.dropFirst().filter { rank($0) == rank(best) }.map { groups[$0.group].label }
            assignments[source] = Assignment(match: best, alsoFits: alsoFits)
            usedBy[best.group, default: []].append(source)
            learn(source, from: best, group: groups[best.group], into: &known)
        }
        var plan = SetupPlan(inspection: inspection, assignments: assignments, missingSources: missing, leftOut: leftOut)
        (plan.segments, plan.segmentNotes) = SegmentProposal.propose(plan)
        return plan
    }

    private static func rank(_ m: SourceMatch) -> [Int] {
        [m.isComplete ? 1 : 0, m.strongCount, m.score, -m.group]
    }

    /// Keeps the values a later source may refer to.
    private static func learn(_ source: SourceName, from m: SourceMatch, group: FileGroup, into known: inout KnownValues) {
        let cols = m.columns
        func values(_ c: String) -> Set<String>? {
            guard let h = cols[c], let i = group.header.firstIndex(of: h) else { return nil }
            return Set(group.rows.map { $0[i] }.filter { !$0.isEmpty })
        }
        func lines(_ id: String) -> Set<String>? {
            guard let hi = cols[id], let i = group.header.firstIndex(of: hi), let hl = cols["line_no"],
                  let l = group.header.firstIndex(of: hl) else { return nil }
            return Set(group.rows.map { KnownValues.lineKey($0[i], $0[l]) })
        }
        let complete = group.isComplete
        switch source {
        case .products:
            known.skus = values("sku").map { .init(values: $0, isComplete: complete) }
            known.categories = values("category").map { .init(values: $0, isComplete: complete) }
        case .campaigns:
            known.campaignIDs = values("campaign_id").map { .init(values: $0, isComplete: complete) }
        case .orders:
            known.orderIDs = values("order_id").map { .init(values: $0, isComplete: complete) }
            known.orderLines = lines("order_id").map { .init(values: $0, isComplete: complete) }
        case .purchaseOrders:
            known.poIDs = values("po_id").map { .init(values: $0, isComplete: complete) }
            known.poLines = lines("po_id").map { .init(values: $0, isComplete: complete) }
        default:
            break
        }
    }
}
