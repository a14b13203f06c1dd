import Foundation

/// An RFC 5322 message with a `multipart/alternative` body (plain text first, then HTML), as bytes
/// with CRLF line ends, ready for `sendmail -t`; with attachments, wrapped in `multipart/mixed`.
///
/// Bodies are quoted-printable, so no line exceeds 76 characters whatever the text; a line never starts with a
/// literal `.` or `F`, so `sendmail` without `-i` and mbox files do not mangle it. Header
/// values that are not ASCII become RFC 2047 encoded-words, and long headers are folded.
struct MIMEMessage: Sendable {
    /// Header name and unencoded value, in order.
    var headers: [(name: String, value: String)]
    var boundary: String
    var text: String
    var html: String
    /// With attachments the message is `multipart/mixed`: the `multipart/alternative` body first, then
    /// each file in base64.
    var attachments: [MIMEAttachment] = []

    /// The boundary of the `multipart/mixed` wrapper: not a prefix of `boundary`, nor it of this, and made
    /// of characters that neither base64 nor quoted-printable lines start with (`=_`).
    var mixedBoundary: String { "=_mixed" + boundary.dropFirst(1) }

    func bytes() -> [UInt8] {
        var out = ""
        for (name, value) in headers {
            out += Self.header(name, value) + "\r\n"
        }
        out += "MIME-Version: 1.0\r\n"
        if attachments.isEmpty {
            out += alternative(preamble: "The same digest as plain text and as HTML (MIME).\r\n")
            return Array(out.utf8)
        }
        out += "Content-Type: multipart/mixed;\r\n boundary=\"\(mixedBoundary)\"\r\n"
        out += "\r\n"
        out += "The digest as plain text and as HTML, and its attachments (MIME).\r\n"
        out += "\r\n--\(mixedBoundary)\r\n"
        out += alternative(preamble: "")
        for file in attachments {
            out += "\r\n--\(mixedBoundary)\r\n"
            // A long type (the workbook's is 65 characters) goes on a folded line of its own: at most 78 a line.
            let type = "Content-Type: \(file.contentType);".count > 78 ? "Content-Type:\r\n \(file.contentType);" : "Content-Type: \(file.contentType);"
            out += type + "\r\n name=\"\(file.filename)\"\r\n"
            out += "Content-Disposition: attachment;\r\n filename=\"\(file.filename)\"\r\n"
            out += "Content-Transfer-Encoding: base64\r\n\r\n"
            out += Self.base64Lines(file.bytes)
        }
        out += "\r\n--\(mixedBoundary)--\r\n"
        return Array(out.utf8)
    }

    /// The `multipart/alternative` entity: its `Content-Type` header, then the text and the HTML part.
    private func alternative(preamble: String) -> String {
        var out = "Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"\r\n"
        out += "\r\n"
        out += preamble
        for (type, body) in [("text/plain", text), ("text/html", html)] {
            out += "\r\n--\(boundary)\r\n"
            out += "Content-Type: \(type); charset=utf-8\r\n"
            out += "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
            out += Self.quotedPrintable(body)
        }
        out += "\r\n--\(boundary)--\r\n"
        return out
    }

    /// Base64 (RFC 2045) in lines of 76 characters with CRLF, without a line break after the last line.
    static func base64Lines(_ bytes: [UInt8]) -> String {
        let encoded = Array(Data(bytes).base64EncodedString().utf8)
        var out: [UInt8] = []
        out.reserveCapacity(encoded.count + encoded.count / 76 * 2)
        var i = 0
        while i < encoded.count {
            if i > 0 { out += Array("\r\n".utf8) }
            out += encoded[i..<min(i + 76, encoded.count)]
            i += 76
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `Name: value`, folded at spaces to 78 characters; a non-ASCII value as encoded-words.
    static func header(_ name: String, _ value: String) -> String {
        // A line break in a configured value must never start a new header.
        let clean = String(value.unicodeScalars.map { $0 == "\r" || $0 == "\n" ? " " : Character($0) })
        if clean.unicodeScalars.allSatisfy({ $0.isASCII }) {
            return fold(name + ": " + clean)
        }
        if name == "From" || name == "To" {
            return fold(name + ": " + clean.split(separator: ",").map { encodeAddress(String($0).trimmingSpaces) }
                .joined(separator: ", "))
        }
        return name + ": " + encodedWords(clean).joined(separator: "\r\n ")
    }

    /// `Name <addr>` with a non-ASCII name: the name as an encoded-word, the address as written.
    static func encodeAddress(_ address: String) -> String {
        guard address.hasSuffix(">"), let open = address.lastIndex(of: "<") else { return address }
        var name = String(address[..<open]).trimmingSpaces
        if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 { name = String(name.dropFirst().dropLast()) }
        let addr = String(address[open...])
        if name.unicodeScalars.allSatisfy({ $0.isASCII }) { return address }
        return encodedWords(name).joined(separator: " ") + " " + addr
    }

    /// RFC 2047 `=?UTF-8?B?…?=` words of at most 64 characters, split between characters.
    static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for c in text {
            let bytes = Array(String(c).utf8)
            // 39 bytes encode to 52 base64 characters; with `=?UTF-8?B?`, `?=` and `Subject: ` that is 73.
            if chunk.count + bytes.count > 39, !chunk.isEmpty {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words
    }

    /// Folds an ASCII header line at spaces so each line has at most 78 characters where a space allows.
    static func fold(_ line: String) -> String {
        guard line.count > 78 else { return line }
        var lines: [String] = []
        var current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count > 78 {
                lines.append(current)
                current = " " + word
            } else {
                current += " " + word
            }
        }
        lines.append(current)
        return lines.joined(separator: "\r\n")
    }

    /// Quoted-printable (RFC 2045) with CRLF line ends and soft breaks keeping lines within 76 characters.
    static func quotedPrintable(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for (n, line) in lines.enumerated() {
            let bytes = Array(line.utf8)
            var width = 0
            for (i, b) in bytes.enumerated() {
                let isLast = i == bytes.count - 1
                let literal = (b >= 33 && b <= 126 && b != UInt8(ascii: "=")) || ((b == 32 || b == 9) && !isLast)
                let encoded = [UInt8(ascii: "="), hex[Int(b >> 4)], hex[Int(b & 0xF)]]
                // Keep room for the soft break `=` unless this token ends the line.
                let limit = isLast ? 76 : 75
                if width + (literal ? 1 : 3) > limit {
                    out += Array("=\r\n".utf8)
                    width = 0
                }
                // A physical line never starts with a literal `.` or `F` (a lone `.` ends `sendmail`'s input,
                // `From ` starts a new message in mbox files).
                let token = literal && !(width == 0 && (b == UInt8(ascii: ".") || b == UInt8(ascii: "F"))) ? [b] : encoded
                out += token
                width += token.count
            }
            if n < lines.count - 1 { out += Array("\r\n".utf8) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
