import Ingest
import ScorecardCore

/// Files of one shape in one folder (same header, encoding and delimiter), read as one table: weekly
/// delta exports or an export split into parts become one glob.
struct FileGroup: Sendable {
    var files: [InspectedFile]
    /// The `path:` glob, relative to the data folder.
    var pattern: String
    /// Other files the glob also matches (when no glob picks exactly these), for a warning.
    var patternAlsoMatches: [String]
    var header: [String]
    var encoding: DetectedEncoding
    var delimiter: UInt8
    var quoted: Bool
    /// Sampled rows of every file.
    var rows: [[String]]
    /// Whether every row of every file is in `rows`.
    var isComplete: Bool
    var numbers: NumberStyleGuess
    var dates: DateStyleGuess
    var columns: [ColumnProfile] = []

    /// The sheet, when the files are workbooks.
    var sheet: SheetOrigin? { files[0].sheet }

    /// Paths for messages: the one file, or the pattern and how many files it matches; a workbook's with
    /// its sheet, `book.xlsx[Sheet]`.
    var label: String {
        let where_ = sheet.map { "[\($0.name)]" } ?? ""
        return files.count == 1 ? files[0].path + where_ : "\(pattern)\(where_) (\(files.count) files)"
    }

    /// Profiles every column once the number and date styles are settled.
    mutating func profile() {
        let months = DatePattern.MonthTable()
        let style = dates.style
        let pattern = style.compiled
        var profiles: [ColumnProfile] = []
        for (k, name) in header.enumerated() {
            var values: [String] = []
            var empty = 0
            for row in rows {
                let v = row[k]
                if v.isEmpty { empty += 1 } else { values.append(v) }
            }
            let fit = dates.fits[k]
            var isDate = false
            if let fit, fit.styles.contains(style) {
                isDate = true
            } else if fit != nil, !values.isEmpty {
                // Fits another style only: still readable if nearly all values parse in the file's style.
                let misses = values.filter { style.parse($0, pattern: pattern, months: months) == nil }.count
                isDate = misses * 10 <= values.count
            }
            let parsed = values.filter { numbers.style.parse($0) != nil }.count
            let isNumeric = !isDate && !values.isEmpty && parsed * 10 >= values.count * 9
            let isDigits = isNumeric && values.allSatisfy { $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
            profiles.append(ColumnProfile(index: k, header: name, values: values, empty: empty, distinct: Set(values),
                                          dateFit: fit, isDate: isDate, isNumeric: isNumeric, isDigits: isDigits))
        }
        columns = profiles
    }
}
