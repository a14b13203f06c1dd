import Metrics
import ScorecardCore

/// `data/segments.json`: every view's figures, and the `segments` summary of `kpis.json`.
extension DataFiles {
    static func segmentsJSON(report: Report, folders: SegmentFolders) -> String {
        var j = JSONWriter()
        j.beginObject()
        j.newline()
        j.key("schema_version"); j.number(1)
        j.newline()
        j.key("as_of"); j.string(report.asOf.description)
        j.newline()
        j.key("dimensions")
        j.beginArray()
        for d in report.segments {
            j.newline()
            j.beginObject()
            j.key("key"); j.string(d.key)
            j.key("label"); j.string(d.label)
            j.key("source"); j.string(d.source.rawValue)
            j.key("values")
            j.beginArray()
            for view in d.views {
                j.newline()
                j.beginObject()
                j.key("value")
                if let value = view.value { j.string(value) } else { j.number(nil as Double?) }
                j.key("label"); j.string(view.label)
                j.key("other"); j.bool(view.isOther)
                j.key("path"); j.string("segments/\(d.key)/\(folders.folder(d.key, view))/")
                j.newline()
                j.key("weeks"); objects(periodColumns, view.weeks, into: &j)
                j.newline()
                j.key("months"); objects(periodColumns, view.months, into: &j)
                j.newline()
                j.key("campaigns"); objects(campaignColumns, view.campaigns, into: &j)
                if let comparisons = view.comparisons {
                    j.newline()
                    j.key("comparisons"); writeComparisons(comparisons, into: &j)
                }
                j.newline()
                j.endObject()
            }
            j.endArray()
            j.endObject()
        }
        j.endArray()
        j.newline()
        j.endObject()
        return j.document
    }

    /// `segments` of kpis.json: each dimension with its number of views ("Other" included).
    static func writeSegmentsSummary(_ report: Report, into j: inout JSONWriter) {
        j.key("segments")
        j.beginArray()
        for d in report.segments {
            j.beginObject()
            j.key("key"); j.string(d.key)
            j.key("label"); j.string(d.label)
            j.key("values"); j.number(d.views.count)
            j.endObject()
        }
        j.endArray()
    }
}
