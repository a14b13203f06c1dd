import ScorecardCore

extension SetupPlan {
    /// The configuration the written file holds (the file adds only comments), for checking that it
    /// reads back unchanged.
    func config(data: String) -> Config {
        var config = Config()
        config.data = data
        for (source, a) in assignments {
            config.sources[source] = sourceConfig(a)
        }
        return config
    }

    /// `sources.NAME`: the path, the dialect keys that differ from the defaults, the columns.
    func sourceConfig(_ a: Assignment) -> SourceConfig {
        let g = inspection.groups[a.match.group]
        let defaults = CSVDialect()
        var s = SourceConfig()
        s.path = g.pattern
        if let sheet = g.sheet {
            // A workbook: no encoding or delimiter; the sheet always (a later export may add one before it).
            s.sheet = sheet.name
            if sheet.headerRow != 1 { s.headerRow = sheet.headerRow }
        } else {
            if g.encoding.encoding != defaults.encoding { s.encoding = g.encoding.encoding }
            if g.delimiter != defaults.delimiter { s.delimiter = g.delimiter }
        }
        if g.numbers.style.decimal != defaults.decimal { s.decimal = g.numbers.style.decimal }
        if let t = g.numbers.style.thousands { s.thousands = .some(t) }
        if g.dates.found, g.dates.style != DateStyleGuess.iso { s.dateFormat = g.dates.pattern }
        s.columns = a.match.columns
        return s
    }
}
