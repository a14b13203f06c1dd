import ScorecardCore
import Yams

/// Walks the YAML node tree of `scorecard.yml` into a `Config`, collecting every problem with its key
/// path and line instead of stopping at the first.
struct ConfigWalker {
    let file: String
    private(set) var problems: [Diagnostic] = []

    init(file: String) { self.file = file }

    mutating func read(_ root: Node?) -> Config {
        var config = Config()
        guard let root, !isNull(root) else { return config }
        guard let map = mapping(root, path: "(top level)") else { return config }
        for (keyNode, value) in map {
            let key = keyName(keyNode)
            switch key {
            case "data": if let v = string(value, path: key) { config.data = v }
            case "out": if let v = string(value, path: key) { config.out = v }
            case "as_of":
                if isNull(value) { config.asOf = nil; break }
                if let v = string(value, path: key) {
                    if let d = Day(iso: v) { config.asOf = d } else { problem("as_of must be a date YYYY-MM-DD, got \"\(Self.shown(v))\"", value) }
                }
            case "base_url": config.baseURL = optionalString(value, path: key)
            case "title": if let v = string(value, path: key) { config.title = v }
            case "currency": config.currency = optionalString(value, path: key)
            case "targets": readTargets(value, into: &config.targets)
            case "freight":
                for (k, v) in mapping(value, path: key) ?? [] {
                    let name = keyName(k)
                    if name == "emergency_service_levels" {
                        if let list = stringList(v, path: "freight.\(name)") { config.freight.emergencyServiceLevels = list }
                    } else { unknownKey("freight.\(name)", k) }
                }
            case "readiness":
                for (k, v) in mapping(value, path: key) ?? [] {
                    let name = keyName(k)
                    if name == "horizon_days" {
                        if let n = int(v, path: "readiness.\(name)") {
                            if (0...Self.maxHorizonDays).contains(n) {
                                config.readiness.horizonDays = n
                            } else {
                                problem("readiness.horizon_days must be a number of days from 0 to \(Self.maxHorizonDays)", v)
                            }
                        }
                    } else { unknownKey("readiness.\(name)", k) }
                }
            case "report":
                for (k, v) in mapping(value, path: key) ?? [] {
                    let name = keyName(k)
                    if name == "max_weeks" {
                        if let n = int(v, path: "report.\(name)") {
                            if (1...Self.maxReportWeeks).contains(n) {
                                config.report.maxWeeks = n
                            } else {
                                problem("report.max_weeks must be a number of weeks from 1 to \(Self.maxReportWeeks)", v)
                            }
                        }
                    } else { unknownKey("report.\(name)", k) }
                }
            case "email":
                for (k, v) in mapping(value, path: key) ?? [] {
                    let name = keyName(k)
                    switch name {
                    case "attach": readAttachments(v, into: &config.email, keyNode: k)
                    case "from": config.email.from = optionalString(v, path: "email.from")
                    case "to":
                        // A single address is accepted as well as a list.
                        if v.scalar != nil, !isNull(v), let s = v.string { config.email.to = [s] }
                        else if isNull(v) { config.email.to = [] }
                        else if let list = stringList(v, path: "email.to") { config.email.to = list }
                    case "segments": config.email.segments = readEmailSegments(v)
                    default: unknownKey("email.\(name)", k)
                    }
                }
            case "pdf": config.pdf = readPDF(value, keyNode: keyNode)
            case "segments": config.segments = readSegments(value)
            case "engine":
                if let v = string(value, path: key) {
                    if let engine = EngineKind(rawValue: v.trimmingWhitespace.lowercased()) { config.engine = engine } else {
                        problem("engine must be one of: \(EngineKind.allCases.map(\.rawValue).joined(separator: ", ")), not \"\(Self.shown(v))\"", value)
                    }
                }
            case "spark": config.spark = readSpark(value)
            case "csv": readDialect(value, path: "csv", into: &config.csv)
            case "sources": readSources(value, into: &config)
            default: unknownKey(key, keyNode)
            }
        }
        checkEmailSegments(config)
        // Parquet is read by Spark only: checked once the command line may have chosen the engine.
        for (source, node) in formatNodes { config.sources[source]?.formatLocation = location(node) }
        if config.email.attach.contains(.pdf), config.pdf == nil, let node = attachPDFNode {
            problem("email.attach: pdf attaches the week's PDF, which needs pdf: in the config (the browser to print with)", node)
        }
        // A separator that is both decimal and thousands would make every number ambiguous.
        for source in SourceName.allCases {
            let d = config.dialect(for: source)
            if d.thousands == d.decimal {
                let path = config.sources[source].map { _ in "sources.\(source)" } ?? "csv"
                let message = "\(path): decimal and thousands are both \"\(Character(Unicode.Scalar(d.decimal)))\""
                if !problems.contains(where: { $0.message == message }) {
                    problems.append(Diagnostic(message, at: SourceLocation(file: file)))
                }
            }
        }
        return config
    }

    /// Where `email.attach` names `pdf`, checked once `pdf:` may have been read too.
    private var attachPDFNode: Node?
    /// The dimension keys `email.segments` names, with their nodes, checked against `segments:` at the end.
    var emailSegmentKeys: [(key: String, node: Node)] = []
    /// Where each source's `format:` is, checked against `engine:` at the end.
    var formatNodes: [SourceName: Node] = [:]

    /// `pdf:` as a mapping of `chromium` and `timeout_seconds`; `pdf:` with nothing (null) prints nothing.
    private mutating func readPDF(_ node: Node, keyNode: Node) -> PDFConfig? {
        if isNull(node) { return nil }
        guard let entries = mapping(node, path: "pdf") else { return nil }
        var pdf = PDFConfig(location: location(keyNode))
        for (k, v) in entries {
            let name = keyName(k)
            switch name {
            case "chromium":
                if let s = string(v, path: "pdf.chromium") {
                    if s.trimmingWhitespace.isEmpty { problem("pdf.chromium must name the browser to print with (e.g. chromium)", v) }
                    pdf.chromium = s.trimmingWhitespace
                    pdf.location = location(v)
                }
            case "timeout_seconds":
                if let n = int(v, path: "pdf.timeout_seconds") {
                    if (1...Self.maxPrintSeconds).contains(n) { pdf.timeoutSeconds = n }
                    else { problem("pdf.timeout_seconds must be a number of seconds from 1 to \(Self.maxPrintSeconds)", v) }
                }
            default: unknownKey("pdf.\(name)", k)
            }
        }
        return pdf
    }

    /// An hour a page: more is a hung browser.
    static let maxPrintSeconds = 3600

    /// `email.attach`: a list of `xlsx` and `pdf` (or one of them alone).
    private mutating func readAttachments(_ node: Node, into email: inout Config.EmailConfig, keyNode: Node) {
        if isNull(node) { email.attach = []; return }
        let items: [Node]
        if node.scalar != nil { items = [node] } else if let seq = node.sequence { items = Array(seq) } else {
            problem("email.attach must be a list of: \(EmailAttachment.allCases.map(\.rawValue).joined(separator: ", "))", node)
            return
        }
        var attach: [EmailAttachment] = []
        for item in items {
            guard let s = string(item, path: "email.attach[]") else { continue }
            guard let kind = EmailAttachment(rawValue: s.trimmingWhitespace.lowercased()) else {
                problem("email.attach: unknown attachment \"\(Self.shown(s))\" (known: \(EmailAttachment.allCases.map(\.rawValue).joined(separator: ", ")))", item)
                continue
            }
            if kind == .pdf { attachPDFNode = item }
            if !attach.contains(kind) { attach.append(kind) }
        }
        email.attach = attach
    }

    private func location(_ n: Node) -> SourceLocation {
        SourceLocation(file: file, line: n.mark?.line, column: n.mark?.column)
    }

    private mutating func readTargets(_ node: Node, into t: inout Config.Targets) {
        for (k, v) in mapping(node, path: "targets") ?? [] {
            let name = keyName(k)
            let path = "targets.\(name)"
            switch name {
            case "promo_fill_rate": if let x = share(v, path: path) { t.promoFillRate = x }
            case "stockout_campaign_share": if let x = share(v, path: path) { t.stockoutCampaignShare = x }
            case "max_rejected_share": if let x = share(v, path: path) { t.maxRejectedShare = x }
            case "figures": t.figures = readFigureTargets(v)
            default: unknownKey(path, k)
            }
        }
    }

    /// `targets.figures`: `KEY: {min: x, max: y}` for period figures, in the order given.
    private mutating func readFigureTargets(_ node: Node) -> [Config.FigureTarget] {
        var out: [Config.FigureTarget] = []
        for (k, v) in mapping(node, path: "targets.figures") ?? [] {
            let name = keyName(k)
            let path = "targets.figures.\(name)"
            guard FigureKeys.period.contains(name) else {
                problem("unknown figure \(path) (a target can be set on: \(FigureKeys.period.joined(separator: ", ")))", k)
                continue
            }
            var target = Config.FigureTarget(key: name)
            let known = problems.count
            for (bk, bv) in mapping(v, path: path) ?? [] {
                let bound = keyName(bk)
                switch bound {
                case "min": target.min = number(bv, path: "\(path).min")
                case "max": target.max = number(bv, path: "\(path).max")
                default: unknownKey("\(path).\(bound)", bk)
                }
            }
            if target.min == nil, target.max == nil, problems.count == known {
                problem("\(path) needs min, max or both", v)
                continue
            }
            if let lo = target.min, let hi = target.max, lo > hi {
                problem("\(path): min \(lo) is above max \(hi), so no value could meet it", v)
                continue
            }
            if out.contains(where: { $0.key == name }) { problem("\(path) is given twice", k); continue }
            out.append(target)
        }
        return out
    }

    /// The `csv:` defaults; the same keys are accepted per source.
    private mutating func readDialect(_ node: Node, path: String, into d: inout CSVDialect) {
        var o = SourceConfig()
        for (k, v) in mapping(node, path: path) ?? [] {
            let name = keyName(k)
            if !readDialectKey(name, v, keyNode: k, path: path, into: &o) { unknownKey("\(path).\(name)", k) }
        }
        if let v = o.delimiter { d.delimiter = v }
        if let v = o.decimal { d.decimal = v }
        if let v = o.thousands { d.thousands = v }
        if let v = o.dateFormat { d.dateFormat = v }
        if let v = o.encoding { d.encoding = v }
    }

    /// Reads one dialect key into `o`; `false` when `name` is not a dialect key.
    private mutating func readDialectKey(_ name: String, _ v: Node, keyNode: Node, path: String, into o: inout SourceConfig) -> Bool {
        let p = "\(path).\(name)"
        switch name {
        case "delimiter":
            guard let s = string(v, path: p) else { return true }
            let b = Array((s == "\\t" ? "\t" : s).utf8)
            if b.count == 1, b[0] < 0x80, b[0] != UInt8(ascii: "\""), b[0] != 10, b[0] != 13 { o.delimiter = b[0] }
            else { problem("\(p) must be one ASCII character (or \"\\t\"), got \"\(Self.shown(s))\"", v) }
        case "decimal":
            guard let s = string(v, path: p) else { return true }
            if s == "." || s == "," { o.decimal = UInt8(ascii: s == "." ? "." : ",") }
            else { problem("\(p) must be \".\" or \",\", got \"\(Self.shown(s))\"", v) }
        case "thousands":
            if isNull(v) { o.thousands = .some(nil); return true }
            guard let s = string(v, path: p) else { return true }
            if [".", ",", " ", "'"].contains(s) { o.thousands = .some(Array(s.utf8)[0]) }
            else { problem("\(p) must be null, \".\", \",\", \" \" or \"'\", got \"\(Self.shown(s))\"", v) }
        case "date_format":
            guard let s = string(v, path: p) else { return true }
            if DatePattern(s) != nil { o.dateFormat = s }
            else { problem("\(p) must hold a year (yyyy or yy), a month (MM, M or MMM) and a day (dd or d), got \"\(Self.shown(s))\"", v) }
        case "encoding":
            guard let s = string(v, path: p) else { return true }
            switch s.lowercased() {
            case "utf-8", "utf8": o.encoding = .utf8
            case "windows-1252", "cp1252", "win-1252": o.encoding = .windows1252
            default: problem("\(p) must be utf-8 or windows-1252, got \"\(Self.shown(s))\"", v)
            }
        default:
            return false
        }
        return true
    }

    private mutating func readSources(_ node: Node, into config: inout Config) {
        for (k, v) in mapping(node, path: "sources") ?? [] {
            let name = keyName(k)
            guard let source = SourceName(rawValue: name) else {
                problem("unknown source sources.\(name) (known: \(SourceName.allCases.map(\.rawValue).joined(separator: ", ")))", k)
                continue
            }
            var o = SourceConfig()
            let path = "sources.\(name)"
            for (sk, sv) in mapping(sv: v, path: path) ?? [] {
                let key = keyName(sk)
                switch key {
                case "path": o.path = string(sv, path: "\(path).path")
                case "sheet":
                    if let v = string(sv, path: "\(path).sheet") {
                        if v.isEmpty { problem("\(path).sheet must be a sheet name, not empty", sv) } else { o.sheet = v }
                    }
                case "header_row":
                    if let n = int(sv, path: "\(path).header_row") {
                        if (1...Self.maxSheetRow).contains(n) { o.headerRow = n }
                        else { problem("\(path).header_row must be a row number from 1 to \(Self.maxSheetRow)", sv) }
                    }
                case "format":
                    if let v = string(sv, path: "\(path).format") {
                        if let format = SourceFormat(rawValue: v.trimmingWhitespace.lowercased()) { o.format = format; formatNodes[source] = sv } else {
                            problem("\(path).format must be csv or parquet, not \"\(Self.shown(v))\"", sv)
                        }
                    }
                case "columns":
                    let known = Set(source.requiredColumns + source.optionalColumns)
                    for (ck, cv) in mapping(cv: sv, path: "\(path).columns") ?? [] {
                        let canonical = keyName(ck)
                        guard known.contains(canonical) else {
                            problem("unknown column \(path).columns.\(canonical) (\(name) has: \((source.requiredColumns + source.optionalColumns).joined(separator: ", ")))", ck)
                            continue
                        }
                        if let header = string(cv, path: "\(path).columns.\(canonical)") {
                            o.columns[canonical] = header.trimmingWhitespace
                        }
                    }
                default:
                    if !readDialectKey(key, sv, keyNode: sk, path: path, into: &o) { unknownKey("\(path).\(key)", sk) }
                }
            }
            config.sources[source] = o
        }
    }

    // MARK: typed access, each reporting a wrong type with the key path

    func isNull(_ n: Node) -> Bool { n.scalar != nil && n.null != nil }

    mutating func mapping(_ n: Node, path: String) -> [(Node, Node)]? {
        if isNull(n) { return [] }
        guard let m = n.mapping else { problem("\(path) must be a mapping", n); return nil }
        return m.map { ($0.key, $0.value) }
    }

    private mutating func mapping(sv n: Node, path: String) -> [(Node, Node)]? { mapping(n, path: path) }
    private mutating func mapping(cv n: Node, path: String) -> [(Node, Node)]? { mapping(n, path: path) }

    mutating func string(_ n: Node, path: String) -> String? {
        guard n.scalar != nil, !isNull(n), let s = n.string else { problem("\(path) must be a string", n); return nil }
        return s
    }

    mutating func optionalString(_ n: Node, path: String) -> String? {
        if isNull(n) { return nil }
        return string(n, path: path)
    }

    /// The last row a sheet has.
    static let maxSheetRow = 1_048_576

    /// Ten years: more is a typo, and day arithmetic must stay far from `Int32` limits.
    static let maxHorizonDays = 3650
    /// A hundred years of weeks: the bound exists so that one mistyped year cannot make a report of
    /// thousands of weeks; anyone who wants more history than this wants a database.
    static let maxReportWeeks = 5218

    private mutating func number(_ n: Node, path: String) -> Double? {
        guard n.scalar != nil, !isNull(n), n.bool == nil, let x = n.float, x.isFinite else { problem("\(path) must be a number", n); return nil }
        return x
    }

    /// A whole number written in decimal (`14`, `-3`, `+7`). Not Yams's `Node.int`: that reads YAML 1.1's
    /// octal (`010` is 8) and base 60 (`1:30` is 90), and traps on a base-60 value that overflows `Int`
    /// (`702:777777777777777777:7`, found by FuzzConfigLoader). Out of `Int`'s range is an error here.
    mutating func int(_ n: Node, path: String) -> Int? {
        guard let text = n.scalar?.string, let i = Self.decimalInteger(text) else { problem("\(path) must be an integer", n); return nil }
        return i
    }

    /// `text` as an optionally signed run of ASCII digits, `nil` when it is anything else or overflows.
    static func decimalInteger(_ text: String) -> Int? {
        let digits = text.utf8.first == UInt8(ascii: "+") || text.utf8.first == UInt8(ascii: "-") ? text.utf8.dropFirst() : text.utf8[...]
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return Int(text)
    }

    private mutating func share(_ n: Node, path: String) -> Double? {
        guard n.scalar != nil, !isNull(n), n.bool == nil, let x = n.float, x.isFinite else { problem("\(path) must be a number", n); return nil }
        guard x >= 0, x <= 1 else { problem("\(path) must be between 0 and 1, got \(x)", n); return nil }
        return x
    }

    mutating func stringList(_ n: Node, path: String) -> [String]? {
        guard let seq = n.sequence else { problem("\(path) must be a list", n); return nil }
        var out: [String] = []
        for item in seq {
            guard let s = string(item, path: "\(path)[]") else { return nil }
            out.append(s)
        }
        return out
    }

    /// A key as matched and shown: control characters escaped and clipped to 80 bytes, so that every
    /// problem stays one short line whatever the file holds (a clipped key ends in "…" and matches none).
    func keyName(_ n: Node) -> String { Self.shown(n.string ?? "") }

    /// `text` escaped and clipped for a one-line message.
    static func shown(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}" {
                out += scalar.escaped(asASCII: true)
            } else {
                out.unicodeScalars.append(scalar)
            }
            if out.utf8.count > Rejection.maxQuotedBytes { break }
        }
        return out.clipped(toUTF8: Rejection.maxQuotedBytes)
    }

    mutating func unknownKey(_ path: String, _ n: Node) { problem("unknown key \(path)", n) }

    mutating func problem(_ message: String, _ n: Node) {
        problems.append(Diagnostic(message, at: SourceLocation(file: file, line: n.mark?.line, column: n.mark?.column)))
    }
}
