import Foundation

/// The exports under a data folder (CSV files and workbooks), as paths relative to it, in byte order of the
/// path.
enum DataFolder {
    /// File names that are read: `.csv`, `.tsv`, and the workbooks `.xlsx` and `.xlsm`, in any case.
    static func isExport(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") || isWorkbook(name)
    }

    static func isWorkbook(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm")
    }

    /// Every export under `directory`, recursively; hidden files and folders (a published site's
    /// `.site.build-…`, `.git`) and symbolic links to folders (the published site itself) are skipped.
    static func exports(in directory: String) -> [String] {
        var out: [String] = []
        walk(directory, relative: "", into: &out)
        return out.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    private static func walk(_ directory: String, relative: String, into out: inout [String]) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory) else { return }
        for name in names where !name.hasPrefix(".") {
            let full = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            let rel = relative.isEmpty ? name : relative + "/" + name
            guard let attributes = try? fm.attributesOfItem(atPath: full), let type = attributes[.type] as? FileAttributeType else { continue }
            switch type {
            case .typeDirectory: walk(full, relative: rel, into: &out)
            case .typeRegular where isExport(name): out.append(rel)
            case .typeSymbolicLink where isExport(name):
                var isDirectory: ObjCBool = false
                if fm.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue { out.append(rel) }
            default: continue
            }
        }
    }

    /// The names in `directory` (relative to the data folder) that a glob pattern of file names would
    /// match, for checking that a pattern picks exactly the files meant.
    static func names(in directory: String, dataDirectory: String) -> [String] {
        let full = directory.isEmpty ? dataDirectory : dataDirectory + "/" + directory
        return ((try? FileManager.default.contentsOfDirectory(atPath: full)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }
}
