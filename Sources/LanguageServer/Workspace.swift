import Diagnostics
import Driver

/// The lint settings of every folder that holds an open document, found once and kept until a
/// configuration or env file changes (`didChangeWatchedFiles`, or one saved in the editor), and the
/// problems found in those files, which are shown on the files themselves.
struct Workspace {
    private var folders: [String: FolderSettings] = [:]
    /// Counts the settings read and forgotten, so a caller can tell when their problems may have changed.
    private(set) var generation = 0

    /// File names whose change makes every folder's settings stale.
    static func isSettingsFile(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        // `.env`, and env files a configuration names (`ci.env`).
        return ConfigurationSet.fileNames.contains(name) || name.hasSuffix(".env")
    }

    mutating func settings(forFile path: String) -> FolderSettings {
        let directory = FrontEnd.directory(of: .file(path))
        if let known = folders[directory] { return known }
        let settings = FolderSettings(directory: directory)
        folders[directory] = settings
        generation += 1
        return settings
    }

    mutating func forget() {
        folders.removeAll()
        generation += 1
    }

    /// The reports about configuration and env files of the folders in use, by absolute path.
    var settingsReports: [String: FileReport] {
        var reports: [String: FileReport] = [:]
        for folder in folders.values {
            for report in folder.reports {
                let path = report.file.path.hasPrefix("/") ? report.file.path : (AbsolutePath.currentDirectory() ?? "") + "/" + report.file.path
                reports[path] = report
            }
        }
        return reports
    }
}
