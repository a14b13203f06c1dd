extension String {
    /// At most `maxBytes` bytes of UTF-8: the string itself when it fits, else its longest prefix of whole
    /// Unicode scalars that leaves room for a closing "…" within `maxBytes`.
    ///
    /// Counted in bytes and scalars, not `Character`s: one character can hold any number of combining
    /// marks, so a prefix of 77 characters is not bounded in size.
    public func clipped(toUTF8 maxBytes: Int) -> String {
        if utf8.count <= maxBytes { return self }
        let ellipsis = "…"
        let room = Swift.max(0, maxBytes - ellipsis.utf8.count)
        var bytes = 0
        var end = unicodeScalars.startIndex
        for scalar in unicodeScalars {
            let width = UTF8.width(scalar)
            if bytes + width > room { break }
            bytes += width
            end = unicodeScalars.index(after: end)
        }
        return String(unicodeScalars[..<end]) + ellipsis
    }
}

extension Rejection {
    /// The most bytes of a value a rejection's detail quotes, so that a huge field costs 80 bytes in
    /// rejected.csv, on the data-quality page and on stderr.
    public static let maxQuotedBytes = 80

    /// `value` clipped to `maxQuotedBytes`, for quoting in a detail.
    public static func quoted(_ value: String) -> String { value.clipped(toUTF8: maxQuotedBytes) }
}
