/// The workbook's shared string table (`xl/sharedStrings.xml`): each distinct text once, numbered in the
/// order of first use, so the numbering and the bytes are the same on every build.
struct SharedStrings {
    private var index: [String: Int] = [:]
    private var strings: [String] = []
    /// Cells that refer to the table, counting repeats.
    private var references = 0

    /// The number of `text` in the table, adding it when new.
    mutating func number(_ text: String) -> Int {
        references += 1
        if let n = index[text] { return n }
        index[text] = strings.count
        strings.append(text)
        return strings.count - 1
    }

    var xml: String {
        var xml = WorkbookWriter.declaration
        xml += "<sst xmlns=\"\(WorkbookWriter.main)\" count=\"\(references)\" uniqueCount=\"\(strings.count)\">"
        for s in strings {
            let escaped = WorkbookXML.escape(s)
            // Spreadsheets drop leading and trailing white space unless told to keep it.
            let keep = s.first.map { $0.isWhitespace } == true || s.last.map { $0.isWhitespace } == true || s.contains("\n")
            xml += keep ? "<si><t xml:space=\"preserve\">\(escaped)</t></si>" : "<si><t>\(escaped)</t></si>"
        }
        xml += "</sst>"
        return xml
    }
}
