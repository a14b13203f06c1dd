import Ingest
import ScorecardCore

/// The text encoding of a file, decided from its bytes: a UTF-8 byte-order mark, else valid UTF-8,
/// else windows-1252 when every byte is defined there.
struct DetectedEncoding: Sendable, Equatable {
    var encoding: CSVDialect.Encoding
    /// Whether the file starts with a UTF-8 byte-order mark (the reader skips it either way).
    var byteOrderMark: Bool
    /// Whether the sample holds any byte above 0x7F (without one, UTF-8 is an assumption, said so).
    var sawNonASCII: Bool
    /// The file whose encoding a plain-ASCII file follows.
    var followed: String?

    /// What the config comment says about it.
    var explanation: String {
        switch encoding {
        case .windows1252:
            if let followed { return "windows-1252 like \(followed) (the sample is plain ASCII)" }
            return "windows-1252 (not valid UTF-8, e.g. a single byte for ä)"
        case .utf8:
            if byteOrderMark { return "UTF-8 with a byte-order mark" }
            return sawNonASCII ? "UTF-8" : "UTF-8 (the sample is plain ASCII)"
        }
    }

    /// Decides the encoding of the sampled bytes; `nil` when they are neither UTF-8 nor windows-1252
    /// (e.g. UTF-16, or a binary file named .csv).
    static func detect(_ sample: FileSample) -> DetectedEncoding? {
        let bom = sample.head.starts(with: [0xEF, 0xBB, 0xBF])
        let parts = [sample.head] + sample.blocks
        var nonASCII = false
        var utf8 = true
        var cp1252 = true
        for part in parts {
            // A NUL byte: UTF-16 or binary, neither of which the reader takes.
            if part.contains(0) { return nil }
            if part.contains(where: { $0 >= 0x80 }) {
                nonASCII = true
                if utf8, !isValidUTF8(part) { utf8 = false }
                if cp1252, part.contains(where: { $0 >= 0x80 && $0 < 0xA0 && Windows1252.scalar($0) == 0 }) { cp1252 = false }
            }
        }
        if bom || utf8 { return DetectedEncoding(encoding: .utf8, byteOrderMark: bom, sawNonASCII: nonASCII, followed: nil) }
        if cp1252 { return DetectedEncoding(encoding: .windows1252, byteOrderMark: false, sawNonASCII: true, followed: nil) }
        return nil
    }

    /// Whether `bytes` are valid UTF-8 (the samples are cut at line breaks, so never inside a character).
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
