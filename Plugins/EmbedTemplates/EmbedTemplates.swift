import Foundation
import PackagePlugin

/// Embeds every file under the package's `templates/` folder into the target as Swift string literals,
/// so the built binary needs no resource folder: it runs from any working directory and when copied
/// to `/usr/local/bin`. `--templates DIR` still overrides them at run time.
@main
struct EmbedTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        // Render embeds the page templates; Engine the Spark job.
        let (folder, name) = target.name == "Engine" ? ("spark", "EmbeddedSparkJob") : ("templates", "EmbeddedTemplates")
        let templates = context.package.directoryURL.appending(path: folder)
        let output = context.pluginWorkDirectoryURL.appending(path: "\(name).swift")
        let files = try FileManager.default.subpathsOfDirectory(atPath: templates.path)
            .filter { !$0.hasPrefix(".") }
            .map { templates.appending(path: $0) }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .sorted { $0.path < $1.path }
        return [
            .buildCommand(
                displayName: "Embedding \(folder)/ into \(target.name)",
                executable: try context.tool(named: "EmbedTemplatesTool").url,
                arguments: [templates.path, output.path, name],
                inputFiles: files,
                outputFiles: [output]
            ),
        ]
    }
}
