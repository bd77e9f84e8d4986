import Project
import Testing

/// Which files make a project when no `-f` names them (compose-go `cli/options.go`), on a set of paths
/// standing for the file system.
struct ProjectDiscoveryTests {
    func found(_ existing: Set<String>, from folder: String) -> ProjectDiscovery.Found? {
        ProjectDiscovery.defaultFiles(from: folder, exists: existing.contains)
    }

    @Test func theFirstMainNameInComposesOrderWinsWithAWarning() {
        let result = found(["/p/docker-compose.yml", "/p/compose.yml"], from: "/p")
        #expect(result?.files == ["/p/compose.yml"])
        #expect(result?.warnings == ["found multiple files with supported names: /p/compose.yml, /p/docker-compose.yml; using /p/compose.yml"])
    }

    @Test func theFirstOverrideBesideTheMainFileIsAdded() {
        #expect(found(["/p/compose.yaml", "/p/docker-compose.override.yaml", "/p/compose.override.yml"], from: "/p")?.files
                == ["/p/compose.yaml", "/p/compose.override.yml"])
        #expect(found(["/p/compose.yaml", "/p/compose.override.yaml", "/p/compose.override.yml"], from: "/p")?.files
                == ["/p/compose.yaml", "/p/compose.override.yml"], ".yml before .yaml, unlike the main names")
        #expect(found(["/p/compose.yaml"], from: "/p")?.files == ["/p/compose.yaml"])
    }

    @Test func parentsAreSearchedUntilOneHasAMainFile() {
        #expect(found(["/p/compose.yaml", "/p/a/compose.override.yaml"], from: "/p/a/b")?.files == ["/p/compose.yaml"],
                "an override alone does not make a project")
        #expect(found(["/p/compose.yaml", "/p/a/docker-compose.yml"], from: "/p/a/b")?.files == ["/p/a/docker-compose.yml"])
        #expect(found(["/elsewhere/compose.yaml"], from: "/p/a") == nil)
    }

    @Test func composeFileIsSplitOnItsSeparator() {
        #expect(ProjectDiscovery.composeFileVariable("a.yaml:b.yaml", separator: nil) == ["a.yaml", "b.yaml"])
        #expect(ProjectDiscovery.composeFileVariable("a.yaml,b:c.yaml", separator: ",") == ["a.yaml", "b:c.yaml"])
        #expect(ProjectDiscovery.composeFileVariable("a.yaml", separator: "") == ["a.yaml"])
    }
}
