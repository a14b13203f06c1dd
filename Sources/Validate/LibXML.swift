import CLibXML2

/// The libxml2 calls validation needs: initialise once, parse a page, collect its errors.
///
/// libxml2 keeps global state (the error handler is per thread, the parser's tables are process-wide):
/// `xmlInitParser()` runs once per process, and one parse runs at a time on the calling thread.
enum LibXML {
    /// One problem libxml2 reported.
    struct Problem: Sendable {
        var code: Int
        /// `XML_ERR_WARNING` (1), `XML_ERR_ERROR` (2) or `XML_ERR_FATAL` (3).
        var level: Int
        var line: Int
        var message: String
    }

    private static let initialised: Void = { xmlInitParser() }()

    /// Parses `bytes` as XML (well-formedness only: no DTD loading, no network), returning the document
    /// (free it with `xmlFreeDoc`) or `nil` when it is not well-formed, and every problem reported.
    static func parseXML(_ bytes: [UInt8], name: String) -> (document: xmlDocPtr?, problems: [Problem]) {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)
        return collectingProblems {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) {
                    xmlReadMemory($0.baseAddress, Int32(clamping: $0.count), name, "UTF-8", options)
                }
            }
        }
    }

    /// Parses `bytes` with the HTML 4 parser, only for the problems it reports.
    static func parseHTML(_ bytes: [UInt8], name: String) -> [Problem] {
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOIMPLIED.rawValue)
        let (document, problems) = collectingProblems {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) {
                    htmlReadMemory($0.baseAddress, Int32(clamping: $0.count), name, "UTF-8", options)
                }
            }
        }
        if let document { xmlFreeDoc(document) }
        return problems
    }

    /// Runs `parse` with a structured error handler that records every error and warning instead of
    /// printing it to stderr.
    private static func collectingProblems(_ parse: () -> xmlDocPtr?) -> (document: xmlDocPtr?, problems: [Problem]) {
        _ = initialised
        let collector = Collector()
        let context = Unmanaged.passUnretained(collector).toOpaque()
        xmlSetStructuredErrorFunc(context) { context, error in
            guard let context, let error else { return }
            let collector = Unmanaged<Collector>.fromOpaque(context).takeUnretainedValue()
            let text = error.pointee.message.map { String(cString: $0) } ?? "unknown libxml2 error"
            collector.problems.append(Problem(
                code: Int(error.pointee.code), level: Int(error.pointee.level.rawValue), line: Int(error.pointee.line),
                message: text.trimmingWhitespace()))
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let document = withExtendedLifetime(collector) { parse() }
        return (document, collector.problems)
    }

    private final class Collector {
        var problems: [Problem] = []
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
