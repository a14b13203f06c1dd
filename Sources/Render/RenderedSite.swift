/// The files of one build, in memory, keyed by path relative to the site root (`index.html`,
/// `weeks/2026-W46/index.html`, `data/kpis.json`, `email/latest.eml` …).
public struct RenderedSite: Sendable {
    public var files: [String: [UInt8]]
    /// Warnings for the build's stderr (e.g. the digest has no links without `base_url`).
    public var warnings: [String]
    /// The pages to print when `pdf:` is configured (empty otherwise).
    public var prints: [PagePrint] = []
    /// The digest before any PDF is attached, and the files it is written to.
    var digest: MIMEMessage?
    var digestPaths: [String] = []

    public init(files: [String: [UInt8]] = [:], warnings: [String] = []) {
        self.files = files
        self.warnings = warnings
    }

    /// The digest's files with `pdf` attached after the other attachments (`email.attach: [pdf]`), named
    /// like the PDF in the site.
    public func digestFiles(attachingPDF pdf: [UInt8], named filename: String) -> [String: [UInt8]] {
        guard var message = digest else { return [:] }
        message.attachments.append(MIMEAttachment(filename: filename, contentType: MIMEAttachment.pdfType, bytes: pdf))
        let bytes = message.bytes()
        return Dictionary(uniqueKeysWithValues: digestPaths.map { ($0, bytes) })
    }
}
