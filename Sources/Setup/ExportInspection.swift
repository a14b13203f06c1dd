import Ingest
import ScorecardCore

/// Every export under a data folder, sampled, sniffed and grouped by shape.
struct ExportInspection: Sendable {
    var groups: [FileGroup]
    /// Files that could not be used at all, with the reason (unreadable, empty, not text).
    var skipped: [(path: String, reason: String)]

    /// Samples and sniffs every CSV file under `dataDirectory`.
    static func inspect(dataDirectory: String, limits: FileSample.Limits = FileSample.Limits()) -> ExportInspection {
        var files: [InspectedFile] = []
        var skipped: [(String, String)] = []
        for path in DataFolder.exports(in: dataDirectory) {
            let full = dataDirectory.hasSuffix("/") ? dataDirectory + path : dataDirectory + "/" + path
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
        settleNumberStyles(&groups)
        settleDateStyles(&groups)
        for k in groups.indices { groups[k].profile() }
        return ExportInspection(groups: groups, skipped: skipped)
    }

    /// Files in one folder with the same header, encoding and delimiter form one group.
    private static func group(_ files: [InspectedFile], dataDirectory: String) -> [FileGroup] {
        var keys: [String] = []
        var members: [String: [InspectedFile]] = [:]
        for f in files {
            let key = [f.directory, f.encoding.encoding.rawValue, String(f.table.delimiter)] + f.table.header
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
                                            sawNonASCII: fs.contains { $0.encoding.sawNonASCII })
            return FileGroup(files: fs, pattern: pattern, patternAlsoMatches: extra, header: header, encoding: encoding,
                             delimiter: fs[0].table.delimiter, quoted: fs.contains { $0.table.quoted }, rows: rows,
                             isComplete: fs.allSatisfy(\.table.isComplete),
                             numbers: NumberStyleGuess.guess(columns: numericCandidates), dates: DateStyleGuess.guess(fits: fits))
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
