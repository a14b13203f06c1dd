import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// libxml2's streaming reader (`xmlTextReader`) over one workbook part as it is inflated: one node at a
/// time, in document order, with memory for the current node and its ancestors only, never a tree of the
/// document.
///
/// Safety: no network (`XML_PARSE_NONET`), no entity substitution and no external DTD (neither
/// `XML_PARSE_NOENT` nor `XML_PARSE_DTDLOAD` is set), and a document type declaration is refused before
/// libxml2 sees it (`PrologGuard`), so an entity-expansion attack ("billion laughs") has nothing to
/// expand; an undefined entity reference is then a well-formedness error. libxml2's own limits stay on
/// (no `XML_PARSE_HUGE`): at most 256 levels of nesting and 10 MB in one text node. Every part is read as
/// UTF-8, whatever its declaration says; invalid UTF-8 is a well-formedness error. Errors are collected,
/// never printed.
final class XMLPartReader {
    /// Node types of `xmlTextReaderNodeType`.
    enum Node: Int32 {
        case element = 1, text = 3, cdata = 4, entityReference = 5, documentType = 10
        case whitespace = 13, significantWhitespace = 14, endElement = 15
    }

    let name: String
    private let reader: OpaquePointer
    private let input: Input
    private static let initialised: Void = { xmlInitParser() }()

    /// Starts reading `stream` (the part `name`).
    init(stream: PartStream, name: String) throws(WorkbookError) {
        _ = Self.initialised
        self.name = name
        input = Input(stream: stream)
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue)
        let context = Unmanaged.passUnretained(input).toOpaque()
        guard let r = xmlReaderForIO({ context, buffer, length in
            guard let context, let buffer, length > 0 else { return 0 }
            let input = Unmanaged<Input>.fromOpaque(context).takeUnretainedValue()
            return input.read(into: buffer, count: Int(length))
        }, { _ in 0 }, context, name, "UTF-8", options) else {
            stream.close()
            throw WorkbookError(input.failure ?? .invalidXML(part: name, line: 1, detail: "cannot start reading it"))
        }
        reader = r
        xmlTextReaderSetStructuredErrorHandler(r, { context, error in
            guard let context, let error else { return }
            let input = Unmanaged<Input>.fromOpaque(context).takeUnretainedValue()
            if input.xmlError == nil {
                let text = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
                input.xmlError = (Int(error.pointee.line), text.trimmingWhitespace)
            }
        }, context)
    }

    deinit {
        xmlFreeTextReader(reader)
        input.stream.close()
    }

    /// Moves to the next node; `false` at the end of the part. Throws when the part cannot be inflated or is
    /// not well-formed.
    func read() throws(WorkbookError) -> Bool {
        let r = xmlTextReaderRead(reader)
        if r == 1 {
            let type = xmlTextReaderNodeType(reader)
            if type == Node.documentType.rawValue { throw WorkbookError(.documentType(part: name)) }
            if type == Node.entityReference.rawValue {
                throw WorkbookError(.invalidXML(part: name, line: Int(xmlTextReaderGetParserLineNumber(reader)), detail: "an entity reference"))
            }
            return true
        }
        if let failure = input.failure { throw WorkbookError(failure) }
        if r == 0, input.xmlError == nil { return false }
        // Bytes of a damaged part may read as bad XML just before the inflater finds the damage (a deflate
        // stream that runs on past the part's end yields its padding first): the damage is the cause.
        if let failure = input.damageJustAhead() { throw WorkbookError(failure) }
        let (line, detail) = input.xmlError ?? (Int(xmlTextReaderGetParserLineNumber(reader)), "unexpected end")
        throw WorkbookError(.invalidXML(part: name, line: line, detail: detail))
    }

    var nodeType: Int32 { xmlTextReaderNodeType(reader) }
    var depth: Int32 { xmlTextReaderDepth(reader) }
    var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }

    /// Whether the current node's local name (without namespace prefix) is `name`, a NUL-terminated ASCII
    /// literal.
    @inline(__always)
    func isNamed(_ name: StaticString) -> Bool {
        guard let n = xmlTextReaderConstLocalName(reader) else { return false }
        return strcmp(UnsafeRawPointer(n).assumingMemoryBound(to: CChar.self),
                      UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }

    /// The text of the current text node (or attribute), without copying.
    var value: UnsafeBufferPointer<UInt8> {
        guard let v = xmlTextReaderConstValue(reader) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: v, count: strlen(UnsafeRawPointer(v).assumingMemoryBound(to: CChar.self)))
    }

    /// Calls `body` with each attribute's local name reader (use `isNamed`) and value, then returns to the
    /// element.
    func forEachAttribute(_ body: () -> Void) {
        guard xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return }
        repeat { body() } while xmlTextReaderMoveToNextAttribute(reader) == 1
        xmlTextReaderMoveToElement(reader)
    }

    /// The value of the current element's attribute with local name `name`, as a `String`.
    func attribute(_ name: StaticString) -> String? {
        var out: String?
        forEachAttribute {
            if out == nil, isNamed(name) { out = String(decoding: value, as: UTF8.self) }
        }
        return out
    }

    /// The text content of the current element up to its end (for small elements: a number, a name).
    func elementText(limit: Int = 1 << 20) throws(WorkbookError) -> [UInt8] {
        var out: [UInt8] = []
        if isEmptyElement { return out }
        let start = depth
        while try read() {
            let t = nodeType
            if t == Node.endElement.rawValue, depth == start { break }
            if t == Node.text.rawValue || t == Node.cdata.rawValue || t == Node.whitespace.rawValue || t == Node.significantWhitespace.rawValue {
                let v = value
                if out.count < limit { out += v.prefix(limit - out.count) }
            }
        }
        return out
    }

    /// What libxml2's input callback reads from: the stream, with the document-type guard in front.
    final class Input {
        let stream: PartStream
        var guardState = PrologGuard()
        /// A problem of the stream or the guard (reported instead of the parse error it causes).
        var failure: WorkbookError.Reason?
        /// The first error libxml2 reported: line and message.
        var xmlError: (Int, String)?

        init(stream: PartStream) { self.stream = stream }

        /// Reads on (discarding) up to 1 MiB after a parse error, for a failure of the stream to report
        /// instead; `nil` when the part inflates well that far.
        func damageJustAhead() -> WorkbookError.Reason? {
            var scratch = [UInt8](repeating: 0, count: 1 << 16)
            var read = 0
            while read < 1 << 20 {
                guard let n = scratch.withUnsafeMutableBufferPointer({ stream.read(into: $0.baseAddress!, count: $0.count) }) else {
                    return stream.error?.reason
                }
                if n == 0 { return nil }
                read += n
            }
            return nil
        }

        /// libxml2's read callback: bytes read, 0 at the end; a failure ends the input (libxml2 then reports
        /// a truncated document, and `failure` is what is shown).
        func read(into buffer: UnsafeMutablePointer<CChar>, count: Int) -> Int32 {
            if failure != nil { return 0 }
            let p = UnsafeMutableRawPointer(buffer).assumingMemoryBound(to: UInt8.self)
            guard let n = stream.read(into: p, count: count) else {
                failure = stream.error?.reason ?? .damagedPart(stream.part.name, why: "it cannot be inflated")
                return 0
            }
            if !guardState.isDone, !guardState.scan(UnsafeBufferPointer(start: p, count: n)) {
                failure = .documentType(part: stream.part.name)
                return 0
            }
            return Int32(n)
        }
    }
}
