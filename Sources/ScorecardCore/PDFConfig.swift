/// `pdf:` in the config: print the as-of week and each newly archived month to PDF with headless Chromium.
public struct PDFConfig: Sendable, Equatable {
    /// `pdf.chromium`: a command looked up on `PATH`, or a path (relative to the config's folder); the
    /// build replaces it with the located executable.
    public var chromium: String = "chromium"
    /// `pdf.timeout_seconds`: the longest one page may take to print before the browser is stopped.
    public var timeoutSeconds: Int = 120
    /// Where `pdf.chromium` (or `pdf:` itself) is in the config file, for the error when the browser is missing.
    public var location: SourceLocation?

    public init(chromium: String = "chromium", timeoutSeconds: Int = 120, location: SourceLocation? = nil) {
        self.chromium = chromium
        self.timeoutSeconds = timeoutSeconds
        self.location = location
    }
}
