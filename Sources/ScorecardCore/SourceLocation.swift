/// Where a problem is: the file, and where there is one the line, column, source and field.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based physical line of the file (a header is line 1).
    public var line: Int?
    /// 1-based field position in the row.
    public var column: Int?
    public var source: SourceName?
    /// The canonical field name, e.g. `order_date`.
    public var field: String?
    /// The place is a sheet of a workbook: `file` reads `book.xlsx[Sheet]`, `line` is the sheet's row
    /// number and `column` its column, shown as letters (`C`, `AB`).
    public var inSheet: Bool

    public init(file: String, line: Int? = nil, column: Int? = nil, source: SourceName? = nil, field: String? = nil,
                inSheet: Bool = false) {
        self.file = file
        self.line = line
        self.column = column
        self.source = source
        self.field = field
        self.inSheet = inSheet
    }

    /// The column as shown: its number in a CSV file, its letters in a sheet.
    public var columnLabel: String? {
        guard let column else { return nil }
        return inSheet ? SheetColumn.letters(column) : String(column)
    }

    /// `file:line:column`, as compilers print it, so editors and terminals can jump to it; in a workbook
    /// `book.xlsx[Sheet]:row:C`.
    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        if let line = line, line > 0, let column = columnLabel { s += ":\(column)" }
        return s
    }
}

/// One problem found while building, printed as one line on stderr.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    public var location: SourceLocation?
    public var message: String

    public init(_ message: String, at location: SourceLocation? = nil, severity: Severity = .error) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// `file:line:column: error: message [source.field]`, always one line: control characters from an
    /// export (a line break in a quoted header, a terminal escape sequence) are shown as `\u{1B}`.
    public var description: String {
        var s = ""
        if let location { s += "\(location): " }
        s += "\(severity.rawValue): \(message)"
        if let src = location?.source {
            s += " [\(src)" + (location?.field.map { ".\($0)" } ?? "") + "]"
        }
        guard s.unicodeScalars.contains(where: Self.isControl) else { return s }
        var out = ""
        for u in s.unicodeScalars {
            if Self.isControl(u) { out += "\\u{" + String(u.value, radix: 16, uppercase: true) + "}" } else { out.unicodeScalars.append(u) }
        }
        return out
    }

    private static func isControl(_ u: Unicode.Scalar) -> Bool { u.value < 0x20 || (0x7F...0x9F).contains(u.value) }
}

/// A failure that ends the build, carrying every problem found (collect, then fail once).
///
/// `isUserError` separates bad input or configuration (exit status 2) from everything else (exit 1).
public protocol ScorecardFailure: Error, CustomStringConvertible {
    var diagnostics: [Diagnostic] { get }
    var isUserError: Bool { get }
}

extension ScorecardFailure {
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
