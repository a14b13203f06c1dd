import ScorecardCore

/// Writes the plan as a commented `scorecard.yml`: what could not be mapped at the top, then per source
/// the files, their dialect and every column with the reason it was chosen.
struct ConfigWriter {
    var plan: SetupPlan
    /// The `data:` value: the data folder relative to the config file's folder.
    var data: String
    /// The data folder as the user named it, for the header comment.
    var dataShown: String

    func text() -> String {
        var out: [String] = []
        out.append("# scorecard.yml, written by `scorecard init` from the exports in \(ConfigText.comment(dataShown)).")
        out.append("# Every guess says why in its comment; look at those marked CHECK. Then:")
        out.append("#   scorecard check    reads every row and computes every figure, publishing nothing")
        out.append("#   scorecard build    builds and publishes the site")
        out += problemLines()
        out.append("")
        out.append("data: \(ConfigText.quote(data))")
        out.append("")
        out.append("sources:")
        for source in SourceName.allCases {
            if let a = plan.assignments[source] {
                out += sourceLines(source, a)
            } else if source.isRequired {
                out.append("  # \(source): MISSING. No file looks like \(source) (\((source.requiredColumns).joined(separator: ", "))).")
                if let why = plan.leftOut[source] { out += ConfigText.wrap(ConfigText.comment(why), prefix: "  #") }
                out.append("  # \(source):")
                out.append("  #   path: \"…\"")
            } else if let why = plan.leftOut[source] {
                out += ConfigText.wrap("\(source) (optional) is left out: " + ConfigText.comment(why), prefix: "  #")
            }
        }
        out += segmentLines()
        let unused = plan.unusedGroups
        let skipped = plan.inspection.skipped
        if !unused.isEmpty || !skipped.isEmpty {
            out.append("")
            out.append("# Files not used:")
            for k in unused {
                let g = plan.inspection.groups[k]
                let headers = g.header.prefix(12).map { "\"\(ConfigText.shorten($0, 30))\"" }.joined(separator: ", ")
                out += ConfigText.wrap(ConfigText.comment("\(g.label): no source fits its columns \(headers)\(g.header.count > 12 ? ", …" : "")"), prefix: "#  ")
            }
            for s in skipped { out.append("#   \(ConfigText.comment(s.path)): \(s.reason)") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Required columns and sources that are missing, and guesses to check, before anything else.
    private func problemLines() -> [String] {
        var out: [String] = []
        let missingColumns = SourceName.allCases.compactMap { s in plan.assignments[s].map { (s, $0) } }
            .flatMap { (s, a) in a.match.choices.prefix(s.requiredColumns.count).filter { $0.header == nil }.map { (s, $0) } }
        if !missingColumns.isEmpty || !plan.missingSources.isEmpty {
            out.append("#")
            out.append("# NOT MAPPED: the build fails until these are set by hand.")
            for s in plan.missingSources {
                out += ConfigText.wrap("- source \(s): no file looks like it (it needs \(s.requiredColumns.joined(separator: ", ")))", prefix: "#  ")
            }
            for (s, c) in missingColumns {
                out += ConfigText.wrap(ConfigText.comment("- \(s).\(c.column): \(c.reason)"), prefix: "#  ")
            }
        }
        let checks = checkLines()
        if !checks.isEmpty {
            out.append("#")
            out.append("# CHECK these guesses:")
            for line in checks { out += ConfigText.wrap(ConfigText.comment("- " + line), prefix: "#  ") }
        }
        return out
    }

    /// Guesses made on a weak signal or a tie, styles the sample could not decide, failed cross-checks.
    func checkLines() -> [String] {
        var out: [String] = []
        for source in SourceName.allCases {
            guard let a = plan.assignments[source] else { continue }
            let g = plan.inspection.groups[a.match.group]
            for c in a.match.choices where c.unsure {
                out.append("\(source).\(c.column) ← \"\(c.header ?? "")\": \(c.reason)")
            }
            for n in a.match.notes { out.append("\(source): \(n)") }
            if !a.alsoFits.isEmpty {
                out.append("\(source): \(a.alsoFits.joined(separator: ", ")) fit as well as \(g.label); \(g.label) was taken (first by path)")
            }
            if let other = g.dates.ambiguousWith, g.dates.settledBy != nil {
                out.append("\(source): dates read as \(g.dates.pattern), not \(other.pattern(padded: g.dates.padded)): \(g.dates.settledBy!)")
            }
            if !g.numbers.ambiguousWith.isEmpty, let why = g.numbers.settledBy {
                out.append("\(source): numbers read with \(g.numbers.style): \(why)")
            }
            if !g.patternAlsoMatches.isEmpty {
                out.append("\(source): path \(g.pattern) also matches \(g.patternAlsoMatches.joined(separator: ", "))")
            }
        }
        return out
    }

    private func sourceLines(_ source: SourceName, _ a: SetupPlan.Assignment) -> [String] {
        let g = plan.inspection.groups[a.match.group]
        let s = plan.sourceConfig(a)
        var out: [String] = []
        out.append("")
        let files = g.files.map(\.path)
        let fileText = files.count == 1 ? files[0] : "\(files.count) files of the same columns, read as one table: " + files.prefix(4).joined(separator: ", ") + (files.count > 4 ? ", …" : "")
        out += ConfigText.wrap(ConfigText.comment("\(source) ← \(fileText)"), prefix: "  #")
        out += ConfigText.wrap(ConfigText.comment(dialectText(g)), prefix: "  #")
        for e in a.match.evidence { out += ConfigText.wrap(ConfigText.comment(e), prefix: "  #") }
        out.append("  \(source):")
        out.append("    path: \(ConfigText.quote(s.path ?? ""))")
        if let sheet = g.sheet {
            out += sheetLines(sheet, s)
        }
        if let e = s.encoding { out.append("    encoding: \(e.rawValue)") }
        if let d = s.delimiter { out.append("    delimiter: \(ConfigText.quote(String(Character(Unicode.Scalar(d)))))") }
        if let d = s.decimal { out.append("    decimal: \(ConfigText.quote(String(Character(Unicode.Scalar(d)))))") }
        if let t = s.thousands, let t { out.append("    thousands: \(ConfigText.quote(String(Character(Unicode.Scalar(t)))))") }
        if let f = s.dateFormat { out.append("    date_format: \(ConfigText.quote(f))") }
        out.append("    columns:")
        let keys = a.match.choices.map { c in c.header.map { "      \(c.column): \(ConfigText.quote($0))" } ?? "      # \(c.column): \"…\"" }
        let width = min(56, keys.map(\.count).max() ?? 0) + 2
        for (c, key) in zip(a.match.choices, keys) {
            let pad = String(repeating: " ", count: max(1, width - key.count))
            if c.header != nil {
                var comment = (c.unsure ? "CHECK: " : "") + c.reason
                if !c.alternatives.isEmpty, c.unsure {
                    comment += "; alternatives: " + c.alternatives.map { "\"\($0)\"" }.joined(separator: ", ")
                }
                out.append(key + pad + "# " + ConfigText.comment(comment))
            } else {
                out.append(key + pad + "# MISSING: " + ConfigText.comment(c.reason))
            }
        }
        return out
    }

    /// `sheet:` and `header_row:`, each with why.
    private func sheetLines(_ sheet: SheetOrigin, _ s: SourceConfig) -> [String] {
        var out: [String] = []
        let which = sheet.sheetCount == 1 ? "the workbook's only sheet"
            : "sheet \(sheet.index + 1) of \(sheet.sheetCount)" + (sheet.index == 0 ? " (the first, also the default)" : "")
        out.append("    sheet: \(ConfigText.quote(sheet.name))  # " + ConfigText.comment(which))
        if let row = s.headerRow {
            var why: String
            if sheet.titleRows.isEmpty {
                why = "the first row with values; rows above it are empty"
            } else {
                let rows = sheet.titleRows.count == 1 ? "row \(sheet.titleRows[0]) above it is" : "rows \(sheet.titleRows.first!)–\(sheet.titleRows.last!) above it are"
                why = "\(rows) a title, not the header"
                if let t = sheet.title { why += " (\"\(ConfigText.shorten(t, 30))\")" }
            }
            out.append("    header_row: \(row)  # " + ConfigText.comment(why))
        }
        return out
    }

    /// The proposed dimensions as a commented-out `segments:` block: removing the `# ` in front of its lines
    /// switches them on; each dimension says why it was proposed in a comment that stays one.
    func segmentLines() -> [String] {
        guard !plan.segments.isEmpty || !plan.segmentNotes.isEmpty else { return [] }
        var out = [""]
        out += ConfigText.wrap("Dimensions: the same scorecard for every value of a column (a region, sales organisation, channel, "
                               + "customer group, plant or brand), and a page that ranks the values side by side.", prefix: "#")
        for note in plan.segmentNotes { out += ConfigText.wrap(ConfigText.comment(note), prefix: "#") }
        guard !plan.segments.isEmpty else { return out }
        out += ConfigText.wrap("Proposed from the columns below; to switch one on, remove the \"# \" in front of \"segments:\" "
                               + "and of the dimension's lines. Each adds a page per value to every build.", prefix: "#")
        out.append("# segments:")
        for d in plan.segments {
            out.append("#   \(d.key):")
            out += ConfigText.wrap(ConfigText.comment("\(d.source) \"\(d.header)\": \(d.reason)"), prefix: "#     #")
            out.append("#     label: \(ConfigText.quote(d.kind.label))")
            out.append("#     \(d.source): \(ConfigText.quote(d.header))")
            for a in d.also {
                out += ConfigText.wrap(ConfigText.comment("\(a.source) \"\(a.header)\": \(a.reason)"), prefix: "#     #")
                out.append("#     \(a.source): \(ConfigText.quote(a.header))")
            }
        }
        return out
    }

    /// One line on how the files are written.
    private func dialectText(_ g: FileGroup) -> String {
        if g.sheet != nil { return workbookText(g) }
        var parts = [g.encoding.explanation, "delimiter \(ConfigText.byte(g.delimiter))"]
        if g.quoted { parts.append("quoted values") }
        var numbers = "numbers: \(g.numbers.style)"
        if let e = g.numbers.evidence { numbers += " (e.g. \"\(ConfigText.shorten(e, 20))\")" }
        if let from = g.numbers.groupingFrom { numbers += ", grouping as in \(from)" }
        parts.append(numbers)
        if g.dates.found {
            var d = "dates: \(g.dates.pattern)"
            if g.dates.hasTime { d += ", with a time (ignored)" }
            if let v = g.dates.deciding { d += "; day/month order decided by \"\(ConfigText.shorten(v, 24))\"" }
            parts.append(d)
        }
        if !g.isComplete { parts.append("sampled (\(g.files.reduce(0) { $0 + $1.size } >> 20) MB)") }
        return parts.joined(separator: "; ")
    }

    /// One line on how a workbook's sheet is read: numbers and dates as its cells store them, text cells in
    /// the styles found.
    private func workbookText(_ g: FileGroup) -> String {
        var parts = ["a workbook: numbers and dates are read as its cells store them"]
        var text: [String] = []
        if g.numbers.evidence != nil { text.append("numbers \(g.numbers.style)") }
        if g.sheet?.textDates == true, g.dates.found { text.append("dates \(g.dates.pattern)") }
        if !text.isEmpty { parts.append("numbers and dates written as text: " + text.joined(separator: ", ")) }
        if !g.isComplete { parts.append("sampled (the first \(WorkbookSample.maxRows) rows)") }
        return parts.joined(separator: "; ")
    }
}
