/// A page to print to PDF once the site is built (`pdf:`): the as-of week, and each closed month.
public struct PagePrint: Sendable, Equatable {
    /// Site paths of the page and of its PDF.
    public var page: String
    public var pdf: String
    /// `YYYY-MM` for a month's PDF, which is written once with its archive; `nil` for the week's.
    public var month: String?

    public init(page: String, pdf: String, month: String?) {
        self.page = page
        self.pdf = pdf
        self.month = month
    }
}
