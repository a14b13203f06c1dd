import Foundation
import Testing
@testable import Publish

@Suite("Publisher archives")
struct PublisherArchiveTests {
    /// One build with the given closed months and rebuild requests; returns what `archivedMonths()` saw.
    @discardableResult
    func publish(_ files: [String: String], closed: [String], rebuild: Set<String> = [], into out: String) throws -> [String] {
        let publisher = Publisher(out: out)
        let lock = try publisher.lock(waitSeconds: 0)
        defer { lock.release() }
        let archived = publisher.archivedMonths()
        let staging = try publisher.makeStaging()
        try publisher.write(.site(files), to: staging)
        try publisher.carryArchives(into: staging, closedMonths: closed, rebuild: rebuild)
        try publisher.swap(staging: staging)
        return archived
    }

    @Test("a closed month is marked, kept byte for byte by later builds, and rewritten only on request")
    func archiveLifecycle() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let out = tmp.path + "/site"
        // As of 2026-10-31: September and October are closed, November is not rendered yet.
        try publish([
            "months/2026-09/index.html": "sep v1", "months/2026-09/assets/site.css": "css v1",
            "months/2026-10/index.html": "oct v1", "months/index.html": "list",
        ], closed: ["2026-09", "2026-10"], into: out)
        #expect(Publisher(out: out).archivedMonths() == ["2026-09", "2026-10"])
        #expect(tmp.read("site/months/2026-09/.scorecard-archive")?.hasPrefix("scorecard archive 2026-09\n") == true)

        // A corrected export and new templates: every month re-rendered differently, a new closed month.
        let seen = try publish([
            "months/2026-09/index.html": "sep v2", "months/2026-09/assets/site.css": "css v2",
            "months/2026-09/extra.html": "new file",
            "months/2026-10/index.html": "oct v2", "months/2026-11/index.html": "nov v2",
        ], closed: ["2026-09", "2026-10", "2026-11"], into: out)
        #expect(seen == ["2026-09", "2026-10"])
        #expect(tmp.read("site/months/2026-09/index.html") == "sep v1")
        #expect(tmp.read("site/months/2026-09/assets/site.css") == "css v1")
        #expect(tmp.list("site/months/2026-09") == [".scorecard-archive", "assets", "index.html"])
        #expect(tmp.read("site/months/2026-10/index.html") == "oct v1")
        #expect(tmp.read("site/months/2026-11/index.html") == "nov v2")
        #expect(Publisher(out: out).archivedMonths() == ["2026-09", "2026-10", "2026-11"])

        // --rebuild-archive 2026-09 rewrites September only, and it stays archived.
        try publish([
            "months/2026-09/index.html": "sep v3", "months/2026-10/index.html": "oct v3", "months/2026-11/index.html": "nov v3",
        ], closed: ["2026-09", "2026-10", "2026-11"], rebuild: ["2026-09"], into: out)
        #expect(tmp.read("site/months/2026-09/index.html") == "sep v3")
        #expect(tmp.list("site/months/2026-09") == [".scorecard-archive", "index.html"])
        #expect(tmp.read("site/months/2026-10/index.html") == "oct v1")
        #expect(Publisher(out: out).archivedMonths() == ["2026-09", "2026-10", "2026-11"])
    }

    @Test("an open month is not archived and is rewritten by every build")
    func openMonth() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let out = tmp.path + "/site"
        try publish(["months/2026-11/index.html": "v1"], closed: [], into: out)
        try publish(["months/2026-11/index.html": "v2"], closed: [], into: out)
        #expect(tmp.read("site/months/2026-11/index.html") == "v2")
        #expect(Publisher(out: out).archivedMonths() == [])
    }

    @Test("an archived month this build does not render survives, even when asked to rebuild it")
    func archiveNotRendered() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let out = tmp.path + "/site"
        try publish(["months/2025-01/index.html": "jan"], closed: ["2025-01"], into: out)
        try publish(["index.html": "later"], closed: [], rebuild: ["2025-01"], into: out)
        #expect(tmp.read("site/months/2025-01/index.html") == "jan")
        #expect(Publisher(out: out).archivedMonths() == ["2025-01"])
    }

    @Test("archives in a plain folder at OUT are carried over", arguments: [true, false])
    func archivesFromPlainFolder(marked: Bool) throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        try tmp.write("site/months/2026-01/index.html", "old jan")
        try tmp.write("site/data/kpis.json", "{}")
        if marked { try tmp.write("site/months/2026-01/.scorecard-archive", "x") }
        try publish(["months/2026-01/index.html": "new jan"], closed: ["2026-01"], into: tmp.path + "/site")
        #expect(tmp.read("site/months/2026-01/index.html") == (marked ? "old jan" : "new jan"))
    }
}
