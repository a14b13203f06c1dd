import Foundation
import Ingest
import Print
import Sample
import ScorecardCore

/// The configuration a build runs with, after the config file, the command line and the defaults.
///
/// Relative paths in a config file are relative to the folder holding it (so cron can run from any
/// folder); paths on the command line are relative to the working directory.
struct BuildSettings {
    var config: Config
    var dataDirectory: String
    var warnings: [String]
    /// A folder this build made (the generated sample) and removes when done.
    var temporaryDirectory: String?

    static func resolve(_ options: BuildOptions) throws -> BuildSettings {
        let fm = FileManager.default
        var config = Config()
        var base = fm.currentDirectoryPath
        var dataDirectory: String
        var warnings: [String] = []
        var temporaryDirectory: String?

        let configPath = options.configPath ?? (fm.fileExists(atPath: "scorecard.yml") ? "scorecard.yml" : nil)
        if let configPath {
            // At most one byte past the limit is read, so a huge file (or a device) is rejected without
            // reading it all; `parse` reports the size.
            guard let handle = FileHandle(forReadingAtPath: configPath),
                  let bytes = try? handle.read(upToCount: ConfigLoader.maxFileBytes + 1) ?? Data() else {
                throw ConfigError(diagnostics: [Diagnostic("cannot read the config file", at: SourceLocation(file: configPath))])
            }
            try? handle.close()
            guard let text = bytes.count > ConfigLoader.maxFileBytes ? String(decoding: bytes, as: UTF8.self) : String(data: bytes, encoding: .utf8) else {
                throw ConfigError(diagnostics: [Diagnostic("cannot read the config file", at: SourceLocation(file: configPath))])
            }
            config = try ConfigLoader.parse(text, file: configPath)
            base = absolute(URL(fileURLWithPath: configPath).deletingLastPathComponent().path, base: fm.currentDirectoryPath)
            dataDirectory = absolute(config.data, base: base)
            config.out = absolute(config.out, base: base)
        } else if options.data == nil {
            // No config and no data: the bundled sample, generated on the fly (the generator is
            // deterministic and a test keeps Samples/exports identical to it), so this works from any folder.
            config = try ConfigLoader.parse(SampleGenerator.sampleConfig, file: "Samples/scorecard.yml")
            let folder = fm.temporaryDirectory.appendingPathComponent("scorecard-sample-\(getpid())").path
            try SampleGenerator().write(to: folder)
            dataDirectory = folder
            temporaryDirectory = folder
            config.out = absolute(config.out, base: base)
        } else {
            dataDirectory = "."
            config.out = absolute(config.out, base: base)
        }

        if let data = options.data { dataDirectory = absolute(data, base: fm.currentDirectoryPath) }
        if let out = options.out { config.out = absolute(out, base: fm.currentDirectoryPath) }
        if let asOf = options.asOf { config.asOf = asOf }
        if let url = options.baseURL { config.baseURL = url }
        if let engine = options.engine { config.engine = engine }
        if let master = options.sparkMaster { config.spark.master = master }
        // Where a message about the whole config points (the file, no line), and the sources by name.
        let configLocation = configPath.map { SourceLocation(file: $0) }
        let sources = config.sources.sorted { $0.key.rawValue < $1.key.rawValue }
        if config.engine != .spark {
            // Other file systems (s3a://, hdfs://, file://) are Spark's to read.
            let remote = [("data", Optional(dataDirectory))] + sources.map { ("sources.\($0.key).path", $0.value.path) }
            if let (key, url) = remote.first(where: { $0.1.map(isURL) ?? false }), let url {
                throw ConfigError(diagnostics: [Diagnostic(
                    "\(key): \"\(url)\" is read by the Spark engine only (engine: spark, or --engine spark); the built-in "
                        + "engine reads files on this machine", at: configLocation)])
            }
            // Parquet likewise; the built-in engine reads CSV and workbooks.
            let parquet = sources.filter { $0.value.format == .parquet }
            if !parquet.isEmpty {
                throw ConfigError(diagnostics: parquet.map { source, o in
                    Diagnostic("sources.\(source).format: parquet is read by the Spark engine only (engine: spark, or --engine spark)",
                               at: o.formatLocation ?? configLocation)
                })
            }
        } else {
            // Workbooks are read by the built-in engine only.
            for (source, o) in sources where o.path.map({ $0.lowercased().hasSuffix(".xlsx") || $0.lowercased().hasSuffix(".xlsm") }) ?? false {
                throw ConfigError(diagnostics: [Diagnostic(
                    "sources.\(source).path: a workbook is read by the built-in engine only; with engine: spark, export the sheet as CSV "
                        + "or Parquet", at: configLocation)])
            }
        }
        config.data = dataDirectory
        if Self.isURL(config.out) {
            throw ConfigError(diagnostics: [Diagnostic(
                "out: \"\(config.out)\" is a URL; the site is written to a folder on this machine (serve or copy it from there)",
                at: configLocation)])
        }
        for label in options.rebuildArchive where Period.month(label: label) == nil {
            throw ConfigError(diagnostics: [Diagnostic("--rebuild-archive takes a month as YYYY-MM, not \"\(label)\"")])
        }
        if let url = config.baseURL, !Self.isAbsoluteWebURL(url) {
            throw ConfigError(diagnostics: [Diagnostic(
                "base_url must be an absolute http:// or https:// URL (the digest's links are built from it), not \"\(url)\"")])
        }
        // A browser to print with must be there before any work is done (exit 2, naming the config line).
        if var pdf = config.pdf {
            guard let browser = Browser.locate(pdf.chromium, base: base) else {
                let hint = pdf.chromium.contains("/") ? "no executable file there" : "not found on PATH"
                throw ConfigError(diagnostics: [Diagnostic(
                    "pdf.chromium: the browser \"\(pdf.chromium)\" to print PDFs with is \(hint); install Chromium "
                        + "(Debian: apt-get install chromium), or name its path, or remove pdf: from the config",
                    at: pdf.location ?? configPath.map { SourceLocation(file: $0) })])
            }
            pdf.chromium = browser
            config.pdf = pdf
        }
        // Only a digest that is sent needs links; without recipients the digest is not sent.
        if config.baseURL == nil, !config.email.to.isEmpty || config.email.segments.contains(where: { !$0.values.isEmpty }) {
            warnings.append("no base_url: the e-mail digest has no links (set base_url in the config or pass --base-url)")
        }
        return BuildSettings(config: config, dataDirectory: dataDirectory, warnings: warnings, temporaryDirectory: temporaryDirectory)
    }

    static func isAbsoluteWebURL(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            return false
        }
        return scheme == "http" || scheme == "https"
    }

    /// `s3a://bucket/exports`, `hdfs://nn/x`, `file:///srv/x`: a location of another file system, which the
    /// Spark engine resolves itself (`scheme://`, the scheme a letter then letters, digits, `+`, `-`, `.`).
    static func isURL(_ path: String) -> Bool {
        guard let r = path.range(of: "://"), r.lowerBound > path.startIndex else { return false }
        let scheme = path[..<r.lowerBound]
        return scheme.first!.isASCII && scheme.first!.isLetter
            && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }

    static func absolute(_ path: String, base: String) -> String {
        if isURL(path) { return path }
        let expanded = NSString(string: path).expandingTildeInPath
        if expanded.hasPrefix("/") { return URL(fileURLWithPath: expanded).standardizedFileURL.path }
        return URL(fileURLWithPath: base).appendingPathComponent(expanded).standardizedFileURL.path
    }
}
