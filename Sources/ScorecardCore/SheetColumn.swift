/// Spreadsheet column names: `A` … `Z`, `AA` … `XFD`, the way rejections of workbook rows name a cell.
public enum SheetColumn {
    /// The most columns a sheet has (`XFD`).
    public static let maxCount = 16_384

    /// The letters of the 1-based column `number` (`1` → `A`, `28` → `AB`); digits when it is out of range.
    public static func letters(_ number: Int) -> String {
        guard number >= 1, number <= maxCount else { return String(number) }
        var n = number
        var out: [UInt8] = []
        while n > 0 {
            let r = (n - 1) % 26
            out.append(UInt8(ascii: "A") + UInt8(r))
            n = (n - 1) / 26
        }
        return String(decoding: out.reversed(), as: UTF8.self)
    }
}
