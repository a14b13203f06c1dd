#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ScorecardCore

/// One file of a source: the path it is opened with, and the path shown to the user.
struct SourceFile: Sendable, Equatable {
    var path: String
    /// Relative to the data folder when it is inside it.
    var display: String

    /// A name ending in `.xlsx` or `.xlsm` (any case) is a workbook; anything else is read as CSV.
    var isWorkbook: Bool { Self.isWorkbook(path) }

    static func isWorkbook(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm")
    }
}

/// Finds the files of a source: `sources.S.path` (a glob relative to the data folder), else `DIR/S.csv`,
/// else every `*.csv` in `DIR/S/` in name order (`.parquet` for `format: parquet`).
enum SourceLocator {
    /// - Returns: the files in read order (empty when there are none), a description of what was looked
    ///   for, and the first path looked for (the file a "missing source" message names).
    static func locate(_ source: SourceName, config: Config, dataDirectory: String)
        -> (files: [SourceFile], lookedFor: String, primary: String) {
        if let pattern = config.sources[source]?.path {
            let full = join(dataDirectory, pattern)
            return (glob(join(escapingGlob(dataDirectory), pattern), dataDirectory: dataDirectory), "\(full) (sources.\(source).path)", full)
        }
        let ext = config.sources[source]?.format == .parquet ? "parquet" : "csv"
        let single = join(dataDirectory, "\(source.rawValue).\(ext)")
        if isRegularFile(single) { return ([SourceFile(path: single, display: relative(single, to: dataDirectory))], single, single) }
        let folder = join(dataDirectory, source.rawValue)
        let files = glob(join(escapingGlob(folder), "*.\(ext)"), dataDirectory: dataDirectory)
        return (files, "\(single) or \(folder)/*.\(ext)", single)
    }

    static func join(_ dir: String, _ path: String) -> String {
        if path.hasPrefix("/") || dir.isEmpty || dir == "." { return path }
        return dir.hasSuffix("/") ? dir + path : dir + "/" + path
    }

    /// `path` with glob(3)'s special characters escaped, so a folder named `exports[1]` or `a*b` is
    /// matched literally; only the configured pattern itself is a glob.
    static func escapingGlob(_ path: String) -> String {
        var out = ""
        for c in path {
            if c == "*" || c == "?" || c == "[" || c == "]" || c == "\\" { out.append("\\") }
            out.append(c)
        }
        return out
    }

    static func relative(_ path: String, to dir: String) -> String {
        if dir.isEmpty || dir == "." { return path }
        let prefix = dir.hasSuffix("/") ? dir : dir + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    static func isRegularFile(_ path: String) -> Bool {
        var st = stat()
        guard stat(path, &st) == 0 else { return false }
        return (st.st_mode & S_IFMT) == S_IFREG
    }

    /// Regular files matching `pattern`, sorted by their path's bytes (name order, independent of locale).
    private static func glob(_ pattern: String, dataDirectory: String) -> [SourceFile] {
        var g = glob_t()
        defer { globfree(&g) }
        guard Glibc_glob(pattern, &g) == 0 else { return [] }
        var paths: [String] = []
        for k in 0..<Int(g.gl_pathc) {
            if let p = g.gl_pathv[k], case let s = String(cString: p), isRegularFile(s) { paths.append(s) }
        }
        paths.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        return paths.map { SourceFile(path: $0, display: relative($0, to: dataDirectory)) }
    }

    /// The size of a file in bytes, 0 when it cannot be read (the reader reports that).
    static func byteSize(_ path: String) -> Int {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : 0
    }

    private static func Glibc_glob(_ pattern: String, _ g: inout glob_t) -> Int32 {
        #if canImport(Darwin)
        return Darwin.glob(pattern, 0, nil, &g)
        #elseif canImport(Musl)
        return Musl.glob(pattern, 0, nil, &g)
        #else
        return Glibc.glob(pattern, 0, nil, &g)
        #endif
    }
}

/// The files of a source on this machine, for an engine that reads them elsewhere (Spark): the path each
/// is opened with and the path shown to the user, in read order.
public enum SourceFiles {
    public static func locate(_ source: SourceName, config: Config, dataDirectory: String) -> [(path: String, display: String)] {
        SourceLocator.locate(source, config: config, dataDirectory: dataDirectory).files.map { ($0.path, $0.display) }
    }
}
