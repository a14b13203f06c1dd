/// One export as sampled: where it is, its encoding, and its header and rows.
struct InspectedFile: Sendable {
    /// Relative to the data folder.
    var path: String
    var size: Int
    var encoding: DetectedEncoding
    var table: SampledTable
    /// The sheet, when the file is a workbook (each sheet is inspected as a table of its own).
    var sheet: SheetOrigin?

    /// The folder part of `path` ("" at the top of the data folder).
    var directory: String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// The file name part of `path`.
    var name: String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
