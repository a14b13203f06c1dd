import Engine
import Foundation
import Ingest
import Logging
import Metrics
import Print
import Publish
import Render
import ScorecardCore
import Validate

/// One `scorecard build`: ingest → metrics → render → validate → publish, as named steps.
public struct Build: Sendable {
    public var options: BuildOptions
    public var logger: Logger

    public init(options: BuildOptions, logger: Logger) {
        self.options = options
        self.logger = logger
    }

    /// Runs every step; on any failure nothing is published and the previous site is left as it was.
    /// - Returns: warnings to show the user.
    public func run() throws -> [Diagnostic] {
        let steps = PipelineSteps(logger: logger)
        let settings = try steps.step("configure") { try BuildSettings.resolve(options) }
        defer { if let folder = settings.temporaryDirectory { try? FileManager.default.removeItem(atPath: folder) } }
        let publisher = Publisher(out: settings.config.out)
        let lock = try steps.step("lock") { try publisher.lock(waitSeconds: options.lockWaitSeconds) }
        defer { lock.release() }

        let (ingest, aggregates) = try steps.reduce(settings, today: options.today)
        if let folder = options.keepAggregates {
            try steps.step("metrics") { try AggregateFolder.write(aggregates, ingest: ingest, config: settings.config, to: folder) }
        }
        let report = steps.step("metrics") { Finisher(aggregates: aggregates, config: settings.config).report() }

        let archived = publisher.archivedMonths()
        let site = try steps.step("render") {
            try SiteRenderer(config: settings.config, templatesDirectory: options.templates)
                .render(report: report, ingest: ingest, archivedMonths: archived)
        }

        let staging = try steps.step("publish") { try publisher.makeStaging() }
        var published = false
        defer { if !published { try? FileManager.default.removeItem(atPath: staging) } }
        let carried = try steps.step("publish") {
            try publisher.write(site.files, to: staging)
            let closed = report.months.filter { $0.period.end <= report.asOf }.map(\.period.label)
            return try publisher.carryArchives(into: staging, closedMonths: closed, rebuild: Set(options.rebuildArchive))
        }
        if let pdf = settings.config.pdf {
            try steps.step("print") {
                try printPDFs(site, pdf: pdf, skipping: Set(carried), into: staging, publisher: publisher, asOf: report.asOf,
                              attach: settings.config.email.attach.contains(.pdf))
            }
        }
        try steps.step("validate") {
            let problems = SiteValidator().validate(directory: staging)
            if !problems.isEmpty { throw ValidationFailure(diagnostics: problems) }
        }
        try steps.step("publish") { try publisher.swap(staging: staging) }
        published = true
        return ingest.warnings + (settings.warnings + site.warnings).map { Diagnostic($0, severity: .warning) }
    }
}

extension Build {
    /// Prints the as-of week and each month archived by this build (not those carried over, which keep
    /// their PDF or have none) from the staged pages; then attaches the week's PDF to the digest when
    /// `email.attach` asks for it. Any failure stops the build before anything is published.
    func printPDFs(_ site: RenderedSite, pdf: PDFConfig, skipping carried: Set<String>, into staging: String,
                   publisher: Publisher, asOf: Day, attach: Bool) throws {
        let printer = ChromiumPrinter(browser: pdf.chromium, timeoutSeconds: pdf.timeoutSeconds)
        for job in site.prints where job.month.map({ !carried.contains($0) }) ?? true {
            logger.debug("print \(job.page) to \(job.pdf)")
            try printer.print(page: job.page, to: job.pdf, in: staging, asOf: asOf)
        }
        guard attach, let week = site.prints.first(where: { $0.month == nil }) else { return }
        guard let bytes = FileManager.default.contents(atPath: staging + "/" + week.pdf) else {
            throw PrintError("the week's PDF to attach to the digest is missing", path: week.pdf)
        }
        let name = String(week.pdf.split(separator: "/").last ?? "scorecard.pdf")
        try publisher.write(site.digestFiles(attachingPDF: [UInt8](bytes), named: name), to: staging)
    }
}

/// A failed step of the pipeline, naming the step, with the failure's diagnostics.
public struct StepFailure: ScorecardFailure {
    public var step: String
    public var failure: any ScorecardFailure
    public var diagnostics: [Diagnostic] { failure.diagnostics }
    public var isUserError: Bool { failure.isUserError }
}

struct UnexpectedFailure: ScorecardFailure {
    var diagnostics: [Diagnostic]
    var isUserError: Bool { false }
}
