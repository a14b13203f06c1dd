extension Publisher {
    /// The file, inside a month folder, that marks it as an archived snapshot.
    ///
    /// Not an `.html` file and not linked from any page, so validation ignores it; its content names
    /// the month only (no clock time), so rebuilding stays byte-identical.
    public static let archiveMarker = ".scorecard-archive"

    static func markerContent(month: String) -> [UInt8] {
        Array("""
        scorecard archive \(month)
        This month was closed when this folder was written; later builds copy it unchanged.
        To rewrite it on purpose: scorecard build --rebuild-archive \(month)

        """.utf8)
    }

    /// `YYYY-MM` of every archived month snapshot in the published site, in order.
    public func archivedMonths() -> [String] {
        let months = out + "/months"
        return POSIX.list(months).filter { entry in
            Self.isMonthLabel(entry) && POSIX.isFile(months + "/" + entry + "/" + Self.archiveMarker)
        }
    }

    /// Marks the closed months of this build as archived in `staging`, and copies every month already
    /// archived in `out` over the freshly rendered one, except those in `rebuild`.
    ///
    /// A month in `rebuild` that this build did not render keeps its archived copy: an archive is never
    /// dropped silently.
    /// - Returns: the months copied from `out`, as they were (their PDFs included); the other closed months
    ///   are archived by this build.
    @discardableResult
    public func carryArchives(into staging: String, closedMonths: [String], rebuild: Set<String>) throws(PublishError) -> [String] {
        let stagedMonths = staging + "/months"
        var carried: [String] = []
        for month in archivedMonths() {
            let target = stagedMonths + "/" + month
            if rebuild.contains(month), POSIX.isDirectory(target) { continue }
            try POSIX.removeTree(target)
            try POSIX.copyTree(out + "/months/" + month, to: target)
            carried.append(month)
        }
        for month in closedMonths where Self.isMonthLabel(month) {
            let folder = stagedMonths + "/" + month
            let marker = folder + "/" + Self.archiveMarker
            guard POSIX.isDirectory(folder), !POSIX.isFile(marker) else { continue }
            try POSIX.writeFile(marker, Self.markerContent(month: month))
        }
        return carried
    }

    static func isMonthLabel(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-") else { return false }
        return bytes.enumerated().allSatisfy { $0.offset == 4 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0.element) }
    }
}
