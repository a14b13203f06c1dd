import Metrics
import ScorecardCore

/// The folders of the segment pages: `segments/DIM/` per dimension (its key is already path-safe) and
/// `segments/DIM/VALUE/` per view, the value made safe as campaign ids are; "(none)" is `_none` and
/// "Other" `_other`, which no encoded value can be (an encoded `_` is always `__` or `_XX`).
struct SegmentFolders: Sendable {
    private var values: [String: PathSafeNames] = [:]

    init(_ dimensions: [DimensionReport]) {
        for d in dimensions { values[d.key] = PathSafeNames(ids: d.views.compactMap(\.value).filter { !$0.isEmpty }) }
    }

    func folder(_ dimension: String, _ view: ViewReport) -> String {
        guard let value = view.value else { return "_other" }
        if value.isEmpty { return "_none" }
        return (values[dimension] ?? PathSafeNames(ids: [])).folder(value)
    }

    /// The site path of a view's page.
    func page(_ dimension: String, _ view: ViewReport) -> String { SitePaths.segmentValue(dimension, folder(dimension, view)) }
}
