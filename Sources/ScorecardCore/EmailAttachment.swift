/// What `email.attach` may list: the digest carries these files as attachments (`multipart/mixed`).
public enum EmailAttachment: String, Sendable, Equatable, CaseIterable {
    /// `data/scorecard.xlsx`.
    case xlsx
    /// The as-of week's PDF (needs `pdf:`).
    case pdf
}
