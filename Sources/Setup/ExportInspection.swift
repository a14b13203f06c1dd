import Foundation
import Ingest
import ScorecardCore

/// Every export under a data folder, sampled, sniffed and grouped by shape.
struct ExportInspection: Sendable {
    var groups: [FileGroup]
    /// Files that could not be used at all, with the reason (unreadable, empty, not text).
    var skipped: [(path: String, reason: String)]

    /// Samples and sniffs every CSV file and every sheet of every workbook under `dataDirectory`.
    static func inspect(dataDirectory: String, limits: FileSample.Limits = FileSample.Limits()) -> ExportInspection {
        var files: [InspectedFile] = []
        var skipped: [(String, String)] = []
        for path in DataFolder.exports(in: dataDirectory) {
            let full = dataDirectory.hasSuffix("/") ? dataDirectory + path : dataDirectory + "/" + path
            if DataFolder.isWorkbook(path) {
                let (sheets, empty, error) = WorkbookSample.read(full)
                if let error { skipped.append((path, "cannot be read as a workbook: \(error)")); continue }
                // Dates and numbers are typed in the cells, and text is UTF-8: nothing to detect.
                let encoding = DetectedEncoding(encoding: .utf8, byteOrderMark: false, sawNonASCII: true, followed: nil)
                for s in sheets {
                    files.append(InspectedFile(path: path, size: Self.size(full), encoding: encoding, table: s.table, sheet: s.origin))
                }
                for name in empty { skipped.append(("\(path)[\(name)]", "is an empty sheet")) }
                continue
            }
            guard let sample = FileSample.read(full, limits: limits) else { skipped.append((path, "cannot be read")); continue }
            guard let encoding = DetectedEncoding.detect(sample) else {
                skipped.append((path, "is neither UTF-8 nor windows-1252 text (UTF-16 or binary?)"))
                continue
            }
            let delimiter = SampledTable.detectDelimiter(sample.head, encoding: encoding.encoding)
            guard let table = SampledTable.parse(sample, encoding: encoding.encoding, delimiter: delimiter),
                  !table.header.allSatisfy(\.isEmpty) else {
                skipped.append((path, "is empty"))
                continue
            }
            files.append(InspectedFile(path: path, size: sample.size, encoding: encoding, table: table))
        }
        var groups = group(files, dataDirectory: dataDirectory)
        settleEncodings(&groups)
        settleNumberStyles(&groups)
        shareDigitGrouping(&groups)
        settleDateStyles(&groups)
        for k in groups.indices { groups[k].profile() }
        return ExportInspection(groups: groups, skipped: skipped)
    }

    private static func size(_ path: String) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }

    /// Files in one folder with the same header, encoding and delimiter form one group.
    private static func group(_ files: [InspectedFile], dataDirectory: String) -> [FileGroup] {
        var keys: [String] = []
        var members: [String: [InspectedFile]] = [:]
        for f in files {
            // Sheets of one name and header row, with the same header, in workbooks of one folder: one glob.
            let sheet = f.sheet.map { ["\u{1}sheet", $0.name, String($0.headerRow)] } ?? []
            let key = [f.directory, f.encoding.encoding.rawValue, String(f.table.delimiter)] + sheet + f.table.header
            let k = key.joined(separator: "\u{1F}")
            if members[k] == nil { keys.append(k) }
            members[k, default: []].append(f)
        }
        let months = DatePattern.MonthTable()
        return keys.map { k in
            let fs = members[k]!
            let siblings = DataFolder.names(in: fs[0].directory, dataDirectory: dataDirectory)
            let (pattern, extra) = PathPattern.make(directory: fs[0].directory, names: fs.map(\.name), siblings: siblings)
            let header = fs[0].table.header
            let rows = fs.flatMap(\.table.rows)
            var fits: [Int: DateColumnFit] = [:]
            var numericCandidates: [[String]] = []
            for c in header.indices {
                let values = rows.map { $0[c] }.filter { !$0.isEmpty }
                if let fit = DateColumnFit.fit(values, months: months) { fits[c] = fit } else { numericCandidates.append(values) }
            }
            let anyBOM = fs.contains { $0.encoding.byteOrderMark }
            let encoding = DetectedEncoding(encoding: fs[0].encoding.encoding, byteOrderMark: anyBOM,
                                            sawNonASCII: fs.contains { $0.encoding.sawNonASCII }, followed: nil)
            return FileGroup(files: fs, pattern: pattern, patternAlsoMatches: extra, header: header, encoding: encoding,
                             delimiter: fs[0].table.delimiter, quoted: fs.contains { $0.table.quoted }, rows: rows,
                             isComplete: fs.allSatisfy(\.table.isComplete),
                             numbers: NumberStyleGuess.guess(columns: numericCandidates), dates: DateStyleGuess.guess(fits: fits))
        }
    }

    /// A plain-ASCII file follows the windows-1252 files with the same delimiter: an export system writes
    /// all of its files in one encoding, and reading ASCII as windows-1252 changes nothing, while a later
    /// row with `ä` would otherwise fail the build as invalid UTF-8.
    private static func settleEncodings(_ groups: inout [FileGroup]) {
        for k in groups.indices where !groups[k].encoding.sawNonASCII && !groups[k].encoding.byteOrderMark && groups[k].sheet == nil {
            if let other = groups.first(where: { $0.encoding.encoding == .windows1252 && $0.encoding.sawNonASCII && $0.delimiter == groups[k].delimiter }) {
                groups[k].encoding.encoding = .windows1252
                groups[k].encoding.followed = other.label
            }
        }
    }

    /// A file whose sample shows no digit grouping (no value of 1000 or more) takes the grouping that
    /// files with the same delimiter and decimal separator show, when it reads its own sample the same
    /// way: the next export may well hold a `1.234,50`.
    private static func shareDigitGrouping(_ groups: inout [FileGroup]) {
        for k in groups.indices where groups[k].numbers.style.thousands == nil && groups[k].numbers.ambiguousWith.isEmpty && groups[k].sheet == nil {
            let g = groups[k]
            guard let other = groups.first(where: {
                $0.delimiter == g.delimiter && $0.numbers.style.decimal == g.numbers.style.decimal && $0.numbers.style.thousands != nil
                    && $0.numbers.settledBy == nil
            }) else { continue }
            let style = other.numbers.style
            let same = g.header.indices.allSatisfy { c in
                g.dates.fits[c] != nil || g.rows.allSatisfy { g.numbers.style.parse($0[c]) == style.parse($0[c]) }
            }
            if same {
                groups[k].numbers.style = style
                groups[k].numbers.settledBy = nil
                groups[k].numbers.groupingFrom = "\(other.label)" + (other.numbers.evidence.map { ", which shows \"\($0)\"" } ?? "")
            }
        }
    }

    /// A number style the sample cannot decide (`1.000` only) follows the files with the same delimiter
    /// that could decide, else the convention of the delimiter: `;` goes with a decimal comma.
    private static func settleNumberStyles(_ groups: inout [FileGroup]) {
        let decided = groups.filter { $0.numbers.ambiguousWith.isEmpty && $0.numbers.evidence != nil }
        for k in groups.indices where !groups[k].numbers.ambiguousWith.isEmpty {
            let g = groups[k]
            let options = [g.numbers.style] + g.numbers.ambiguousWith
            if let other = decided.first(where: { $0.delimiter == g.delimiter && options.contains($0.numbers.style) }) {
                groups[k].numbers.style = other.numbers.style
                groups[k].numbers.settledBy = "as in \(other.label), which has the same delimiter and shows \"\(other.numbers.evidence ?? "")\""
            } else if g.delimiter == UInt8(ascii: ";"), let comma = options.first(where: { $0.decimal == UInt8(ascii: ",") }) {
                groups[k].numbers.style = comma
                groups[k].numbers.settledBy = "no other file decides it; \";\"-separated exports usually write a decimal comma"
            } else if let point = options.first(where: { $0.decimal == UInt8(ascii: ".") }) {
                groups[k].numbers.style = point
                groups[k].numbers.settledBy = "no other file decides it; \"\(Character(Unicode.Scalar(g.delimiter)))\"-separated exports usually write a decimal point"
            }
            groups[k].numbers.ambiguousWith = options.filter { $0 != groups[k].numbers.style }
        }
    }

    /// A day/month order the sample cannot decide (no value above 12) follows the files whose dates are
    /// written the same way and could decide, else the convention of the separator (`.` and `-`: day
    /// first; `/`: month first unless the file writes a decimal comma).
    private static func settleDateStyles(_ groups: inout [FileGroup]) {
        let decided = groups.filter { $0.dates.found && $0.dates.ambiguousWith == nil && $0.dates.style.swapped != nil }
        for k in groups.indices {
            guard let other = groups[k].dates.ambiguousWith else { continue }
            let options = [groups[k].dates.style, other]
            if let d = decided.first(where: { options.contains($0.dates.style) }) {
                let why = d.dates.deciding.map { "as in \(d.label), where \"\($0)\" has a day above 12" } ?? "as in \(d.label)"
                groups[k].dates.settle(d.dates.style, because: why)
                continue
            }
            let g = groups[k]
            let monthFirst = g.dates.style.separator == "/" && g.numbers.style.decimal == UInt8(ascii: ".")
            let chosen = options.first { ($0.order == .mdy) == monthFirst } ?? options[0]
            let convention = monthFirst ? "month first, as US exports write \"/\" dates" : "day first, the usual order outside the US"
            groups[k].dates.settle(chosen, because: "no day above 12 in any sampled value, so day and month cannot be told apart; \(convention)")
        }
    }
}
