/// A file attached to the digest: base64 in a part of its own (`Content-Disposition: attachment`).
struct MIMEAttachment: Sendable, Equatable {
    /// ASCII letters, digits, `-`, `_` and `.` only, so it needs no encoding in a header.
    var filename: String
    var contentType: String
    var bytes: [UInt8]

    static let xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    static let pdfType = "application/pdf"
}
