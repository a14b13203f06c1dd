import Mustache

/// The root of a template's context: answers lookups from the page's values and records every name that
/// is not there.
///
/// swift-mustache renders an unknown name as an empty string. Lookups walk the context stack from the
/// innermost section outwards and reach the root only when no section provides the name, so a name the
/// root does not know either is a template asking for a value the page does not provide: an error.
final class MissingKeyRecorder: MustacheParent {
    private let values: [String: Any]
    private(set) var missing: Set<String> = []

    init(_ values: [String: Any]) {
        self.values = values
    }

    func child(named name: String) -> Any? {
        if let value = values[name] { return value }
        missing.insert(name)
        return nil
    }
}
