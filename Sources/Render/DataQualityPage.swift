import Metrics
import ScorecardCore

/// `data-quality/index.html`: rows read, used, rejected and ignored per source and file, the reasons
/// with counts, and the first rejected lines with file and line number.
struct DataQualityPage: Sendable {
    /// Rejected lines shown per source; `data/rejected.csv` holds them all.
    static let firstRejections = 20

    var site: SiteContext
    var path = SitePaths.dataQuality

    func values() -> [String: Any] {
        let f = site.formatter
        let ingest = site.ingest
        let maxShare = site.report.targets.maxRejectedShare
        var v = PageContext(site: site).values(path: path, title: "Data quality", current: SitePaths.dataQuality)
        v["maxShare"] = f.targetPercent(maxShare)
        v["sources"] = ingest.sources.map { s -> [String: Any] in
            let share = s.rows > 0 ? Double(s.rejected) / Double(s.rows) : nil
            return [
                "source": s.source.rawValue,
                "rows": f.count(s.rows), "used": f.count(s.used), "rejected": f.count(s.rejected),
                "ignored": f.count(s.ignoredAfterAsOf),
                "share": f.percent(share),
                "overLimit": (share ?? 0) > maxShare,
                "files": s.files.map { file -> [String: Any] in
                    [
                        "path": file.path, "rows": f.count(file.rows),
                        "used": f.count(file.rows - file.rejected - file.ignoredAfterAsOf),
                        "rejected": f.count(file.rejected), "ignored": f.count(file.ignoredAfterAsOf),
                    ]
                },
            ]
        }
        // Warnings of the build (rows dated before the report window, an as-of date after today).
        v["hasWarnings"] = !ingest.warnings.isEmpty
        v["warnings"] = ingest.warnings.map { w -> [String: Any] in
            ["where": w.location?.description ?? "", "hasWhere": w.location != nil, "message": w.message]
        }
        // History before the report window: used in every figure, in no reported period (not a problem).
        v["hasHistory"] = !ingest.earlyRows.isEmpty
        v["history"] = ingest.earlyRows.map { e -> [String: Any] in
            ["source": e.source.rawValue, "rows": f.count(e.count), "earliest": e.earliest.description,
             "where": e.location.description]
        }
        v["windowStart"] = ingest.window.firstDay.description
        v["windowText"] = "\(ingest.window.firstWeek.isoWeekLabel) (from \(ingest.window.firstDay)) to \(ingest.asOf.isoWeekLabel)"
        let missing = SourceName.allCases.filter { !$0.isRequired && !site.report.present.contains($0) }
        v["hasMissing"] = !missing.isEmpty
        let names = missing.map(\.words)
        v["missingNote"] = names.isEmpty ? "" : "No \(Prose.listed(names)) export\(names.count == 1 ? " was" : "s were") found, "
            + "so the figures that need \(names.count == 1 ? "it" : "them") show “—”."

        // Reasons with counts, per source, most frequent first.
        var counts: [SourceName?: [Rejection.Reason: Int]] = [:]
        var first: [SourceName?: [Rejection]] = [:]
        for r in ingest.rejections {
            counts[r.location.source, default: [:]][r.reason, default: 0] += 1
            if first[r.location.source, default: []].count < Self.firstRejections { first[r.location.source, default: []].append(r) }
        }
        // Sources in reading order; rejections without a source (none expected) last.
        let sources = counts.keys.sorted { a, b in
            switch (a, b) {
            case let (x?, y?): return x < y
            case (_?, nil): return true
            default: return false
            }
        }
        v["hasRejections"] = !ingest.rejections.isEmpty
        v["reasons"] = sources.flatMap { source in
            (counts[source] ?? [:]).sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.rawValue < $1.key.rawValue }
                .map { reason, count -> [String: Any] in
                    ["source": source?.rawValue ?? "—", "reason": reason.rawValue, "count": f.count(count)]
                }
        }
        v["firstCount"] = String(Self.firstRejections)
        v["rejections"] = sources.flatMap { first[$0] ?? [] }.map { r -> [String: Any] in
            [
                "source": r.location.source?.rawValue ?? "—",
                "file": r.location.file,
                "line": r.location.line.map(String.init) ?? "—",
                "field": r.location.field ?? "—",
                "reason": r.reason.rawValue,
                "detail": r.detail,
            ]
        }
        v["downloads"] = Downloads.list.map { d -> [String: Any] in
            ["href": SitePaths.link(from: path, to: d.path), "name": d.path, "what": d.what]
        }
        return v
    }
}
