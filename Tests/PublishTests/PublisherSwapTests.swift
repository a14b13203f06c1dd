import Foundation
import Testing
@testable import Publish

@Suite("Publisher staging and swap")
struct PublisherSwapTests {
    /// One whole build: lock, stage, write, swap.
    func publish(_ files: [String: String], into out: String) throws {
        let publisher = Publisher(out: out)
        let lock = try publisher.lock(waitSeconds: 0)
        defer { lock.release() }
        let staging = try publisher.makeStaging()
        try publisher.write(.site(files), to: staging)
        try publisher.swap(staging: staging)
    }

    @Test("the first build makes OUT a relative link to a version folder beside it")
    func firstBuild() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        try publish(["index.html": "one", "weeks/2026-W46/index.html": "w46"], into: tmp.path + "/site")
        let target = try FileManager.default.destinationOfSymbolicLink(atPath: tmp.path + "/site")
        #expect(target.hasPrefix(".site.build-"))
        #expect(tmp.read("site/index.html") == "one")
        #expect(tmp.read("site/weeks/2026-W46/index.html") == "w46")
        #expect(tmp.list() == [".site.lock", "site", target].sorted())
    }

    @Test("a second build replaces the site and removes the replaced version")
    func secondBuild() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        try publish(["index.html": "one", "old.html": "gone"], into: tmp.path + "/site")
        try publish(["index.html": "two"], into: tmp.path + "/site")
        #expect(tmp.list("site") == ["index.html"])
        #expect(tmp.read("site/index.html") == "two")
        #expect(tmp.list().filter { $0.hasPrefix(".site.build-") }.count == 1)
    }

    @Test("a build that fails before the swap leaves the published tree exactly as it was")
    func failureBeforeSwap() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let out = tmp.path + "/site"
        try publish(["index.html": "one"], into: out)
        let before = try FileManager.default.destinationOfSymbolicLink(atPath: out)

        let publisher = Publisher(out: out)
        let lock = try publisher.lock(waitSeconds: 0)
        let staging = try publisher.makeStaging()
        try publisher.write(.site(["index.html": "half"]), to: staging)
        #expect(throws: PublishError.self) { try publisher.write(.site(["../escape.html": "x"]), to: staging) }
        lock.release()  // as if the process died here: no swap, staging left behind

        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: out) == before)
        #expect(tmp.read("site/index.html") == "one")
        #expect(tmp.list("site") == ["index.html"])
        #expect(!FileManager.default.fileExists(atPath: tmp.path + "/escape.html"))
    }

    @Test("leftovers of killed builds are removed by the next build, the live version is kept")
    func staleStagingCleanup() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let out = tmp.path + "/site"
        try publish(["index.html": "one"], into: out)
        let live = try FileManager.default.destinationOfSymbolicLink(atPath: out)
        // What a build killed while writing, and one killed between creating and renaming its link, leave.
        try tmp.write(".site.build-dead/index.html", "partial")
        try FileManager.default.createSymbolicLink(atPath: tmp.path + "/.site.link-dead", withDestinationPath: ".site.build-dead")
        try tmp.write("unrelated.txt", "kept")
        // The staging folder of another output folder, named "site.build-x", beside it is not ours.
        try tmp.write(".site.build-x.build-1f/index.html", "other")

        let publisher = Publisher(out: out)
        let lock = try publisher.lock(waitSeconds: 0)
        defer { lock.release() }
        let staging = try publisher.makeStaging()
        let stagingName = String(staging.split(separator: "/").last!)
        #expect(tmp.list() == [".site.build-x.build-1f", ".site.lock", "site", "unrelated.txt", live, stagingName].sorted())
        #expect(tmp.read("site/index.html") == "one")
    }

    @Test("a plain folder holding a scorecard site at OUT is swapped out and kept as .OUT.original")
    func plainSiteAtOut() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        try tmp.write("site/index.html", "plain")
        try tmp.write("site/data/kpis.json", "{}")
        try publish(["index.html": "built"], into: tmp.path + "/site")
        #expect(tmp.read("site/index.html") == "built")
        #expect(tmp.read(".site.original/index.html") == "plain")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: tmp.path + "/site").hasPrefix(".site.build-"))
        // A later plain site gets the next free name, the first one kept aside stays.
        try FileManager.default.removeItem(atPath: tmp.path + "/site")
        try tmp.write("site/index.html", "plain again")
        try tmp.write("site/data/kpis.json", "{}")
        try publish(["index.html": "again"], into: tmp.path + "/site")
        #expect(tmp.read(".site.original/index.html") == "plain")
        #expect(tmp.read(".site.original-2/index.html") == "plain again")
    }

    @Test("any other folder at OUT (a user's, --out .) is refused before the build and left alone")
    func userFolderAtOut() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        try tmp.write("project/notes.txt", "mine")
        let error = #expect(throws: PublishError.self) { try Publisher(out: tmp.path + "/project").lock(waitSeconds: 0) }
        #expect(error?.description.contains("does not hold a scorecard site") == true)
        #expect(tmp.list("project") == ["notes.txt"])
        #expect(throws: PublishError.self) { try publish(["index.html": "x"], into: tmp.path + "/project") }
        #expect(tmp.list("project") == ["notes.txt"])
    }

    @Test("an empty plain folder at OUT is simply replaced")
    func emptyFolderAtOut() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        try FileManager.default.createDirectory(atPath: tmp.path + "/site", withIntermediateDirectories: true)
        try publish(["index.html": "built"], into: tmp.path + "/site")
        #expect(tmp.read("site/index.html") == "built")
        #expect(!tmp.list().contains(".site.original"))
    }

    @Test("swap refuses a folder that is not one of this OUT's staging folders")
    func swapChecksStaging() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        try tmp.write("elsewhere/index.html", "x")
        #expect(throws: PublishError.self) { try Publisher(out: tmp.path + "/site").swap(staging: tmp.path + "/elsewhere") }
        #expect(!FileManager.default.fileExists(atPath: tmp.path + "/site"))
    }

    @Test("the same files written twice give byte-identical trees")
    func deterministicWrite() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let files: [String: String] = ["index.html": "a", "data/kpis.json": "{}", "months/2026-10/index.html": "m"]
        try publish(files, into: tmp.path + "/one")
        try publish(files, into: tmp.path + "/two")
        for path in files.keys {
            #expect(tmp.read("one/" + path) == tmp.read("two/" + path))
        }
    }
}
