import Foundation
import Testing

/// The pipeline is complete; `SCORECARD_PUBLISHING_E2E` also switches these on where this is `false`.
let publishingPipelineComplete = true
var publishingEndToEndEnabled: Bool {
    publishingPipelineComplete || ProcessInfo.processInfo.environment["SCORECARD_PUBLISHING_E2E"] == "1"
}

/// Publishing as a user sees it, through the built binary: `kill -9` mid-build, two builds at once,
/// byte-identical rebuilds, immutable monthly archives, nothing published on bad input.
///
/// These need the whole pipeline (ingest, metrics, render): they run with `SCORECARD_PUBLISHING_E2E=1`
/// until `publishingPipelineComplete` is set to `true`. `SCORECARD_PUBLISHING_E2E_LINES` sizes the large
/// export of the kill test (default 400,000 lines).
@Suite(.serialized, .enabled(if: publishingEndToEndEnabled, "needs the complete pipeline"))
struct PublishingEndToEndTests {

    /// Every file under `folder` (following `folder` itself when it is the published link), with its bytes.
    static func tree(_ folder: URL) -> [String: Data] {
        let root = folder.resolvingSymlinksInPath().path
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return files }
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = FileManager.default.contents(atPath: root + "/" + path)
            }
        }
        return files
    }

    /// Files whose bytes differ between two trees (or exist in one only), for readable failures.
    static func differences(_ a: [String: Data], _ b: [String: Data]) -> [String] {
        Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
    }

    /// Every build here has a base URL, so a successful build prints nothing (no "digest has no links" warning).
    static let baseURL = "https://intranet.example/scorecard/"

    /// `scorecard sample` into `tmp/name`.
    static func sample(_ tmp: TemporaryDirectory, _ name: String, lines: Int, weeks: Int = 26) throws -> String {
        let folder = tmp.path(name).path
        let result = try ScorecardProcess.run(["sample", "--out", folder, "--lines", "\(lines)", "--skus", "200", "--weeks", "\(weeks)"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return folder
    }

    /// `scorecard build --data DATA --out OUT EXTRA…` run from the temporary folder; expects success.
    @discardableResult
    static func build(_ tmp: TemporaryDirectory, data: String, out: String, _ extra: [String] = []) throws -> ScorecardProcess.Result {
        let result = try ScorecardProcess.run(
            ["build", "--data", data, "--out", tmp.path(out).path, "--base-url", baseURL] + extra,
            in: tmp.url)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr == "")
        return result
    }

    /// The latest `order_date` in a canonical `orders.csv`, as `yyyy-MM-dd`.
    static func latestOrderDate(_ data: String) throws -> String {
        let text = try String(contentsOfFile: data + "/orders.csv", encoding: .utf8)
        var lines = text.split(separator: "\n")
        let header = lines.removeFirst().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let column = try #require(header.firstIndex(of: "order_date"))
        return lines.compactMap { line -> String? in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count > column, !line.contains("\"") else { return nil }
            // Only well-formed dates: the sample has deliberately bad ones ("Date Not Captured").
            let value = String(fields[column].prefix(10))
            return value.count == 10 && value.allSatisfy({ $0.isNumber || $0 == "-" }) ? value : nil
        }.max() ?? ""
    }

    @Test("kill -9 at several moments of a large build leaves the published site as it was (or wholly new)")
    func killNineLeavesSiteUnchanged() throws {
        let tmp = try TemporaryDirectory()
        let lines = Int(ProcessInfo.processInfo.environment["SCORECARD_PUBLISHING_E2E_LINES"] ?? "") ?? 400_000
        let data = try Self.sample(tmp, "exports", lines: lines)
        let latest = try Self.latestOrderDate(data)
        // The published site: as of 7 days before the end of the data. The killed builds run as of the
        // end of the data, so a tree after a kill must be exactly the old site or exactly the new one.
        let earlier = try #require(Self.day(latest, plus: -7))
        let started = Date()
        try Self.build(tmp, data: data, out: "site", ["--as-of", earlier])
        let duration = Date().timeIntervalSince(started)
        let old = Self.tree(tmp.path("site"))
        // The new site is the later build over the old one: it keeps the old one's archived months.
        try Self.build(tmp, data: data, out: "reference", ["--as-of", earlier])
        try Self.build(tmp, data: data, out: "reference", ["--as-of", latest])
        let new = Self.tree(tmp.path("reference"))
        #expect(!old.isEmpty && old != new)

        var sawOld = false
        for fraction in [0.05, 0.2, 0.4, 0.6, 0.8, 0.9, 0.95, 1.0] {
            let running = try ScorecardProcess.start(
                ["build", "--data", data, "--out", tmp.path("site").path, "--as-of", latest, "--base-url", Self.baseURL], in: tmp.url)
            usleep(useconds_t(duration * fraction * 1_000_000))
            running.killNine()
            let after = Self.tree(tmp.path("site"))
            #expect(after == old || after == new,
                    "after kill -9 at \(fraction) of a build: \(Self.differences(after, old).prefix(5)) differ from the old site")
            if after == new {
                // The killed build had already swapped. Go back to the old site for the next moment, from
                // scratch: building over the new site would keep the months it archived.
                for entry in try FileManager.default.contentsOfDirectory(atPath: tmp.url.path)
                where entry == "site" || entry.hasPrefix(".site.build-") {
                    try FileManager.default.removeItem(at: tmp.path(entry))
                }
                try Self.build(tmp, data: data, out: "site", ["--as-of", earlier])
                #expect(Self.tree(tmp.path("site")) == old)
            } else {
                sawOld = true
            }
        }
        #expect(sawOld, "no kill landed before the swap: the moments need adjusting")

        // The next build succeeds and leaves only the site, its lock and one version folder beside it.
        try Self.build(tmp, data: data, out: "site", ["--as-of", latest])
        #expect(Self.tree(tmp.path("site")) == new)
        let beside = try FileManager.default.contentsOfDirectory(atPath: tmp.url.path).filter { $0.hasPrefix(".site.") }
        #expect(beside.count == 2 && beside.contains(".site.lock"), "left beside the site: \(beside.sorted())")
    }

    @Test("two builds started at once: one publishes, the other waits or exits 1 with a clear message")
    func twoBuildsAtOnce() throws {
        let tmp = try TemporaryDirectory()
        let data = try Self.sample(tmp, "exports", lines: 200_000)
        try Self.build(tmp, data: data, out: "reference")
        let reference = Self.tree(tmp.path("reference"))

        let arguments = ["build", "--data", data, "--out", tmp.path("site").path, "--base-url", Self.baseURL]
        let first = try ScorecardProcess.start(arguments, in: tmp.url)
        let second = try ScorecardProcess.start(arguments, in: tmp.url)
        let results = [first.wait(), second.wait()]
        #expect(results.contains { $0.status == 0 }, "\(results)")
        for result in results where result.status != 0 {
            #expect(result.status == 1)
            #expect(result.stderr.contains("another build is publishing into \(tmp.path("site").path)"), "stderr: \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
        }
        #expect(Self.tree(tmp.path("site")) == reference)

        // With --wait both succeed, one after the other.
        let waiting = ["build", "--data", data, "--out", tmp.path("waited").path, "--wait", "600", "--base-url", Self.baseURL]
        let a = try ScorecardProcess.start(waiting, in: tmp.url)
        let b = try ScorecardProcess.start(waiting, in: tmp.url)
        #expect(a.wait().status == 0)
        #expect(b.wait().status == 0)
        #expect(Self.tree(tmp.path("waited")) == reference)
    }

    @Test("the same exports and as-of date give byte-identical files, in another folder or over the same one")
    func rebuildIsByteIdentical() throws {
        let tmp = try TemporaryDirectory()
        let data = try Self.sample(tmp, "exports", lines: 20_000)
        try Self.build(tmp, data: data, out: "one")
        let first = Self.tree(tmp.path("one"))
        try Self.build(tmp, data: data, out: "one")
        try Self.build(tmp, data: data, out: "two")
        #expect(!first.isEmpty)
        #expect(Self.differences(Self.tree(tmp.path("one")), first) == [])
        #expect(Self.differences(Self.tree(tmp.path("two")), first) == [])
    }

    @Test("an archived month is not rewritten after a corrected export, until --rebuild-archive")
    func archivedMonthSurvivesCorrection() throws {
        let tmp = try TemporaryDirectory()
        let data = try Self.sample(tmp, "exports", lines: 20_000)
        let latest = try Self.latestOrderDate(data)
        // The month two before the latest order's month is closed in every build below.
        let month = try #require(Self.month(of: latest, plus: -2))
        let nextMonth = try #require(Self.month(of: latest, plus: -1))
        let lastDayOfMonth = try #require(Self.day(nextMonth + "-01", plus: -1))
        try Self.build(tmp, data: data, out: "site", ["--as-of", lastDayOfMonth])
        let archived = Self.tree(tmp.path("site/months/\(month)"))
        #expect(archived.keys.contains("index.html"))
        #expect(archived.keys.contains { $0.hasSuffix(".css") }, "an archive carries its own CSS: \(archived.keys.sorted())")

        // Correct that month's orders: every qty_ordered gets a digit appended.
        try Self.correctOrders(in: data, month: month)
        try Self.build(tmp, data: data, out: "site", ["--as-of", latest])
        #expect(Self.differences(Self.tree(tmp.path("site/months/\(month)")), archived) == [])
        let months = try String(contentsOf: tmp.path("site/months/index.html"), encoding: .utf8)
        #expect(months.contains(month))

        // A fresh build sees the correction, so the archive really was kept, not re-rendered the same.
        try Self.build(tmp, data: data, out: "fresh", ["--as-of", latest])
        let corrected = Self.tree(tmp.path("fresh/months/\(month)"))
        #expect(corrected["index.html"] != archived["index.html"])

        try Self.build(tmp, data: data, out: "site", ["--as-of", latest, "--rebuild-archive", month])
        #expect(Self.differences(Self.tree(tmp.path("site/months/\(month)")), corrected) == [])
    }

    @Test("a missing required source exits 2, says which, and leaves the published site as it was")
    func missingRequiredSource() throws {
        let tmp = try TemporaryDirectory()
        let data = try Self.sample(tmp, "exports", lines: 5_000)
        try Self.build(tmp, data: data, out: "site")
        let before = Self.tree(tmp.path("site"))
        try FileManager.default.removeItem(atPath: data + "/orders.csv")
        let result = try ScorecardProcess.run(["build", "--data", data, "--out", tmp.path("site").path], in: tmp.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("orders"), "stderr: \(result.stderr)")
        #expect(result.stdout == "")
        #expect(Self.tree(tmp.path("site")) == before)
        let fresh = try ScorecardProcess.run(["build", "--data", data, "--out", tmp.path("never").path], in: tmp.url)
        #expect(fresh.status == 2)
        #expect(!tmp.exists("never"))
        let beside = try FileManager.default.contentsOfDirectory(atPath: tmp.url.path).filter { $0.hasPrefix(".never.build-") || $0.hasPrefix(".site.build-") }
        #expect(beside.count == 1, "only the live version of site: \(beside)")
    }
}

extension PublishingEndToEndTests {
    /// `yyyy-MM-dd` plus `days`, in UTC.
    static func day(_ iso: String, plus days: Int) -> String? {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.locale = Locale(identifier: "en_US_POSIX")
        guard let date = formatter.date(from: String(iso.prefix(10))) else { return nil }
        return formatter.string(from: date.addingTimeInterval(TimeInterval(days) * 86_400))
    }

    /// `yyyy-MM` of the month `months` away from the month of `iso`.
    static func month(of iso: String, plus months: Int) -> String? {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count >= 2 else { return nil }
        let index = parts[0] * 12 + (parts[1] - 1) + months
        return String(format: "%04d-%02d", index / 12, index % 12 + 1)
    }

    /// Rewrites `orders.csv` with every `qty_ordered` of `month` changed (a digit appended).
    static func correctOrders(in data: String, month: String) throws {
        let path = data + "/orders.csv"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        let header = lines[0].split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let date = try #require(header.firstIndex(of: "order_date"))
        let quantity = try #require(header.firstIndex(of: "qty_ordered"))
        var changed = 0
        for i in 1..<lines.count where !lines[i].contains("\"") {
            var fields = lines[i].components(separatedBy: ",")
            guard fields.count > max(date, quantity), fields[date].hasPrefix(month) else { continue }
            fields[quantity] = fields[quantity].trimmingCharacters(in: .whitespacesAndNewlines) + "1"
            lines[i] = fields.joined(separator: ",")
            changed += 1
        }
        #expect(changed > 0, "no orders in \(month) to correct")
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
}
