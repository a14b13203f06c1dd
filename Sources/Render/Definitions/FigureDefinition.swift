import ScorecardCore

/// What one figure of `data/kpis.json` means, for the definitions page: in plain words, its exact formula,
/// the exports it needs, and what "—" means for it.
struct FigureDefinition: Sendable {
    /// Where the key appears in kpis.json.
    enum Section: String, Sendable, CaseIterable {
        case period = "weeks and months"
        case campaign = "campaigns"
        case campaignSKU = "campaign_skus"
        case category = "categories"

        /// The heading of the section on the definitions page.
        var heading: String {
            switch self {
            case .period: return "Figures of every week and month"
            case .campaign: return "Figures of every campaign"
            case .campaignSKU: return "Every SKU of every campaign"
            case .category: return "Figures of every category"
            }
        }

        /// The prefix of an anchor whose key a previous section already uses.
        var anchorPrefix: String {
            switch self {
            case .period: return ""
            case .campaign: return "campaign-"
            case .campaignSKU: return "campaign-sku-"
            case .category: return "category-"
            }
        }
    }

    var key: String
    var section: Section
    var name: String
    /// What it tells a planner or a marketing manager.
    var meaning: String
    /// Exactly how it is computed.
    var formula: String
    /// The optional exports it needs besides the five required ones.
    var needs: [SourceName]
    /// When it is "—" (`null`).
    var whenNull: String

    init(_ key: String, _ section: Section, _ name: String, meaning: String, formula: String, needs: [SourceName] = [],
         null whenNull: String) {
        self.key = key
        self.section = section
        self.name = name
        self.meaning = meaning
        self.formula = formula
        self.needs = needs
        self.whenNull = whenNull
    }
}

extension FigureDefinition {
    /// The anchor of every definition on the definitions page: the key itself, or, when an earlier
    /// section already uses the key, the section's prefix and the key (`campaign-return_rate`).
    static let anchors: [String: String] = {
        var used = Set<String>()
        var out: [String: String] = [:]
        for d in all {
            let anchor = used.contains(d.key) ? d.section.anchorPrefix + d.key : d.key
            used.insert(anchor)
            out[d.section.rawValue + "/" + d.key] = anchor
        }
        return out
    }()

    var anchor: String { Self.anchors[section.rawValue + "/" + key] ?? key }

    /// The anchor of `key` in `section`.
    static func anchor(_ key: String, in section: Section) -> String { anchors[section.rawValue + "/" + key] ?? key }
}
