import Foundation
import ScorecardCore

/// Prints pages of a built site to PDF with headless Chromium (`pdf.chromium`), one browser run a page.
///
/// Each run gets a fresh profile folder (`--user-data-dir`, removed afterwards) and a process group of
/// its own with a deadline (`pdf.timeout_seconds`): a hung browser is killed with its helpers and the
/// build fails (exit 1) instead of stalling cron. The page is printed from a copy beside it whose outward
/// links are taken out (`PrintableCopy`), and the PDF's dates are set to the as-of date (`PDFDates`).
/// The PDF is written to the profile folder first and moved in only when it is a whole PDF, so a failed
/// print leaves no file in the site.
public struct ChromiumPrinter: Sendable {
    /// The browser's path, already located (`Browser.locate`).
    public var browser: String
    public var timeoutSeconds: Int

    public init(browser: String, timeoutSeconds: Int) {
        self.browser = browser
        self.timeoutSeconds = timeoutSeconds
    }

    static let arguments = [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--generate-pdf-document-outline",
        "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
        "--disable-sync", "--hide-scrollbars", "--mute-audio",
    ]

    /// Prints `site/page` to `site/pdf` (both site-relative).
    public func print(page: String, to pdf: String, in site: String, asOf: Day) throws(PrintError) {
        let fm = FileManager.default
        let pagePath = site + "/" + page
        guard let html = fm.contents(atPath: pagePath) else { throw PrintError("cannot read the page to print", path: pagePath) }
        let token = String(UInt64.random(in: 0 ... .max), radix: 16)
        let folder = (pagePath as NSString).deletingLastPathComponent
        let copy = folder + "/.print-\(token).html"
        let profile = fm.temporaryDirectory.appendingPathComponent("scorecard-print-\(token)").path
        defer {
            try? fm.removeItem(atPath: copy)
            try? fm.removeItem(atPath: profile)
        }
        do {
            try fm.createDirectory(atPath: profile, withIntermediateDirectories: true)
            try Data(PrintableCopy.html(String(decoding: html, as: UTF8.self)).utf8).write(to: URL(fileURLWithPath: copy))
        } catch {
            throw PrintError("cannot prepare the page for printing: \(error.localizedDescription)", path: pagePath)
        }
        let printed = profile + "/page.pdf"
        let log = profile + "/browser.log"
        var environment = ProcessInfo.processInfo.environment
        // Everything the browser writes goes to the profile folder; dates in UTC.
        for key in ["HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"] { environment[key] = profile }
        environment["TZ"] = "UTC"
        let child = ChildProcess(
            executable: browser,
            arguments: Self.arguments + ["--user-data-dir=" + profile + "/profile", "--print-to-pdf=" + printed,
                                         URL(fileURLWithPath: copy).absoluteString],
            environment: environment.map { "\($0.key)=\($0.value)" }.sorted(),
            log: log)
        let outcome = try child.run(timeout: Double(timeoutSeconds))
        let said = Self.lastLine(of: log)
        switch outcome {
        case .timedOut:
            throw PrintError("printing \(page) with \(browser) did not finish within \(timeoutSeconds) s (pdf.timeout_seconds); "
                + "the browser was stopped and nothing was published", path: pdf)
        case .signalled(let signal):
            throw PrintError("printing \(page): \(browser) was killed by signal \(signal)\(said)", path: pdf)
        case .exited(let status) where status != 0:
            throw PrintError("printing \(page): \(browser) exited with status \(status)\(said)", path: pdf)
        case .exited:
            break
        }
        guard let bytes = fm.contents(atPath: printed), bytes.starts(with: Array("%PDF-".utf8)) else {
            throw PrintError("printing \(page): \(browser) exited without writing a PDF\(said)", path: pdf)
        }
        let c = asOf.civil
        let yyyymmdd = String(format: "%04d%02d%02d", c.year, c.month, c.day)
        do {
            try Data(PDFDates.neutralized([UInt8](bytes), yyyymmdd: yyyymmdd)).write(to: URL(fileURLWithPath: site + "/" + pdf))
        } catch {
            throw PrintError("cannot write the PDF: \(error.localizedDescription)", path: site + "/" + pdf)
        }
    }

    /// `: <the browser's last line of output>`, clipped, or nothing.
    static func lastLine(of log: String) -> String {
        guard let data = FileManager.default.contents(atPath: log) else { return "" }
        let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let last = lines.last(where: { !$0.isEmpty }) else { return "" }
        return ": " + last.clipped(toUTF8: 300)
    }
}
