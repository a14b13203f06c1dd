/// A header reduced to what identifies it: lower case, German umlauts and ß spelt out, everything but
/// letters and digits dropped; `Order Id`, `ORDER_ID` and `order-id` are all `orderid`, `WADAT_IST` is
/// `wadatist`, `Stück` is `stueck`.
enum HeaderName {
    static func normalize(_ header: String) -> String {
        var out = ""
        for c in header.lowercased() {
            switch c {
            case "ä": out += "ae"
            case "ö": out += "oe"
            case "ü": out += "ue"
            case "ß": out += "ss"
            default:
                if c.isASCII, c.isLetter || c.isNumber { out.append(c) }
                else if !c.isASCII, c.isLetter { out.append(c) }
            }
        }
        return out
    }
}
