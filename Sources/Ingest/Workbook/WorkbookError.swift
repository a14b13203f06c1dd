import ScorecardCore

/// Why a workbook (or one of its sheets) cannot be read; where it is known, the sheet and row.
///
/// Every case is the user's (exit status 2): a file that is not a workbook, a damaged or hostile one, a
/// sheet that is not there. The text is one line, with anything taken from the file quoted and clipped.
package struct WorkbookError: Error, Equatable, Sendable, CustomStringConvertible {
    package enum Reason: Equatable, Sendable {
        case cannotRead(String)
        /// Not a zip archive; `compoundFile` when it is an OLE2 file (an old `.xls`, or a password-protected
        /// workbook, which Excel stores that way).
        case notZip(compoundFile: Bool)
        /// The zip structure is broken or uses something a workbook never needs (several disks).
        case damagedZip(String)
        case missingPart(String)
        /// Encrypted, or compressed with a method other than deflate.
        case unreadablePart(String, why: String)
        /// An uncompressed part over the 1 GiB limit, declared or found while inflating.
        case partTooLarge(String)
        /// A part over 1 MiB that inflates to more than 100 times its compressed size.
        case compressionRatio(String, compressed: UInt64, uncompressed: UInt64)
        /// The inflated part differs from what the zip directory says (size or checksum).
        case damagedPart(String, why: String)
        case invalidXML(part: String, line: Int, detail: String)
        /// A document type declaration: no workbook part has one, and it is where entities would be defined.
        case documentType(part: String)
        case noSheets
        case missingSheet(String, available: [String])
        /// A cell refers to a shared string that does not exist.
        case sharedStringIndex(cell: String, index: String, count: Int)
        /// `header_row` names a row that is empty or not there.
        case emptyHeaderRow(Int)
        /// The sheet has no non-empty row.
        case emptySheet
    }

    package var reason: Reason
    /// The sheet, when the problem is in one.
    package var sheet: String?
    /// The sheet row, when the problem is in one.
    package var row: Int?

    package init(_ reason: Reason, sheet: String? = nil, row: Int? = nil) {
        self.reason = reason
        self.sheet = sheet
        self.row = row
    }

    /// The most sheet names an error lists.
    static let sheetsListed = 20

    package var description: String {
        switch reason {
        case .cannotRead(let why):
            return "cannot read the workbook: \(why)"
        case .notZip(let compoundFile):
            if compoundFile {
                return "not an .xlsx workbook but an older compound file (an .xls workbook, or one protected with a password): save it as .xlsx without a password"
            }
            return "not an .xlsx workbook: the file is not a zip archive"
        case .damagedZip(let why):
            return "not a valid .xlsx workbook: its zip archive is damaged (\(why))"
        case .missingPart(let name):
            return "not a valid .xlsx workbook: it lacks the part \(Self.quoted(name))"
        case .unreadablePart(let name, let why):
            return "cannot read the workbook part \(Self.quoted(name)): \(why)"
        case .partTooLarge(let name):
            return "the workbook part \(Self.quoted(name)) is larger than 1 GiB uncompressed, the most a part may be"
        case .compressionRatio(let name, let compressed, let uncompressed):
            return "the workbook part \(Self.quoted(name)) inflates from \(compressed) to \(uncompressed) bytes, more than 100 times its compressed size (a zip bomb?)"
        case .damagedPart(let name, let why):
            return "the workbook part \(Self.quoted(name)) is damaged: \(why)"
        case .invalidXML(let part, let line, let detail):
            return "the workbook part \(Self.quoted(part)) is not well-formed XML (line \(line)): \(Self.quoted(detail))"
        case .documentType(let part):
            return "the workbook part \(Self.quoted(part)) has a document type declaration (<!DOCTYPE>), which workbooks never have; it is not read, so no entity in it is expanded"
        case .noSheets:
            return "the workbook has no sheet"
        case .missingSheet(let name, let available):
            var list = available.prefix(Self.sheetsListed).map { "\"\(Self.quoted($0))\"" }.joined(separator: ", ")
            if available.count > Self.sheetsListed { list += " and \(available.count - Self.sheetsListed) more" }
            return "the workbook has no sheet \"\(Self.quoted(name))\"; its sheets are \(list)"
        case .sharedStringIndex(let cell, let index, let count):
            return "cell \(Self.quoted(cell)) refers to shared string \(Self.quoted(index)), but the workbook has \(count)"
        case .emptyHeaderRow(let row):
            return "header_row \(row) is empty: the sheet has no value on that row"
        case .emptySheet:
            return "the sheet is empty: no header row"
        }
    }

    /// Text from the file, clipped and without line breaks, for a one-line message.
    static func quoted(_ text: String) -> String {
        var out = ""
        for u in text.unicodeScalars {
            if u.value < 0x20 || u.value == 0x7F { out += " " } else { out.unicodeScalars.append(u) }
            if out.utf8.count > Rejection.maxQuotedBytes { break }
        }
        return out.clipped(toUTF8: Rejection.maxQuotedBytes)
    }
}
