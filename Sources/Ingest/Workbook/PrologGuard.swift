/// Watches the start of an XML part up to its root element and refuses a document type declaration
/// (`<!DOCTYPE …>`), before the XML parser sees it: that is where entities would be declared, and no part
/// of a workbook has one.
///
/// The prolog may hold a byte-order mark, white space, the XML declaration (`<?xml … ?>`), processing
/// instructions and comments; the first `<` followed by anything else starts the root element.
struct PrologGuard {
    private enum State { case between, open, instruction, instructionEnd, bang, commentStart, comment, commentDash1, commentDash2, done }
    private var state = State.between

    var isDone: Bool { state == .done }

    /// Scans the next bytes; `false` when they hold a document type declaration (or any other `<!`
    /// construct than a comment) before the root element.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in bytes {
            switch state {
            case .done: return true
            case .between: if b == UInt8(ascii: "<") { state = .open }
            case .open:
                if b == UInt8(ascii: "?") { state = .instruction }
                else if b == UInt8(ascii: "!") { state = .bang }
                else { state = .done; return true }
            case .instruction: if b == UInt8(ascii: "?") { state = .instructionEnd }
            case .instructionEnd: state = b == UInt8(ascii: ">") ? .between : (b == UInt8(ascii: "?") ? .instructionEnd : .instruction)
            case .bang: if b == UInt8(ascii: "-") { state = .commentStart } else { return false }
            case .commentStart: if b == UInt8(ascii: "-") { state = .comment } else { return false }
            case .comment: if b == UInt8(ascii: "-") { state = .commentDash1 }
            case .commentDash1: state = b == UInt8(ascii: "-") ? .commentDash2 : .comment
            case .commentDash2: state = b == UInt8(ascii: ">") ? .between : (b == UInt8(ascii: "-") ? .commentDash2 : .comment)
            }
        }
        return true
    }
}
