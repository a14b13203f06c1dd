import Foundation

/// Finds the browser named by `pdf.chromium`.
public enum Browser {
    /// The executable `name` names: a path when it holds a `/` (relative to `base`), else the first match on
    /// `path` (the `PATH` variable); `nil` when there is none.
    public static func locate(_ name: String, base: String, path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        let fm = FileManager.default
        if name.contains("/") {
            let full = name.hasPrefix("/") ? name : (base.hasSuffix("/") ? base : base + "/") + name
            let standard = URL(fileURLWithPath: full).standardizedFileURL.path
            return isExecutableFile(standard, fm) ? standard : nil
        }
        guard !name.isEmpty else { return nil }
        for folder in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") where !folder.isEmpty {
            let candidate = String(folder) + "/" + name
            if isExecutableFile(candidate, fm) { return candidate }
        }
        return nil
    }

    private static func isExecutableFile(_ path: String, _ fm: FileManager) -> Bool {
        var isDirectory: ObjCBool = false
        return fm.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue && fm.isExecutableFile(atPath: path)
    }
}
