/// The files of one build, in memory, keyed by path relative to the site root (`index.html`,
/// `weeks/2026-W46/index.html`, `data/kpis.json`, `email/latest.eml` …).
public struct RenderedSite: Sendable {
    public var files: [String: [UInt8]]
    /// Warnings for the build's stderr (e.g. the digest has no links without `base_url`).
    public var warnings: [String]

    public init(files: [String: [UInt8]] = [:], warnings: [String] = []) {
        self.files = files
        self.warnings = warnings
    }
}
