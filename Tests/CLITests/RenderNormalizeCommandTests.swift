import Foundation
import TestSupport
import Testing

/// `stackc render --normalize` and the listings end to end: the JSON of `docker compose config
/// --format json` with paths resolved against the project folder, the refusal of what lint refuses,
/// and the flags' exclusivity. What each prints is compared with the real Compose binary case by case
/// in ComposeNormalizeDifferentialTests; these check the command around it.
struct RenderNormalizeCommandTests {
    static let project = """
        services:
          web:
            image: nginx
            ports: ["8080:80"]
            volumes: ["./html:/usr/share/nginx/html:ro"]
            environment: [PRICE=$$5]
            command: echo "hello world"

        """

    @Test func printsComposesCanonicalModelWithAbsolutePaths() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("Shop_1/compose.yaml", Self.project)
        let run = try runStackc(["render", "--normalize", path])
        #expect(run.status == 0, "\(run.stderr)")
        let expected = """
            {
              "name": "shop_1",
              "networks": {
                "default": {
                  "name": "shop_1_default",
                  "ipam": {}
                }
              },
              "services": {
                "web": {
                  "command": [
                    "echo",
                    "hello world"
                  ],
                  "entrypoint": null,
                  "environment": {
                    "PRICE": "$$5"
                  },
                  "image": "nginx",
                  "networks": {
                    "default": null
                  },
                  "ports": [
                    {
                      "mode": "ingress",
                      "target": 80,
                      "published": "8080",
                      "protocol": "tcp"
                    }
                  ],
                  "volumes": [
                    {
                      "type": "bind",
                      "source": "\(folder.path("Shop_1/html"))",
                      "target": "/usr/share/nginx/html",
                      "read_only": true,
                      "bind": {
                        "create_host_path": true
                      }
                    }
                  ]
                }
              }
            }
            """
        #expect(run.stdout == expected, "Compose prints no final newline")
    }

    @Test func projectNameFlagNamesTheProject() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("app/compose.yaml", Self.project)
        let run = try runStackc(["render", "--normalize", path, "-p", "store"])
        #expect(run.stdout.contains(#""name": "store_default""#), "\(run.stderr)")
    }

    @Test func refusesWhatLintRefusesAndPrintsNothing() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("app/compose.yaml", "services:\n  web:\n    image: nginx\n    ports: ['80:80:80:80']\n")
        for view in ["--normalize", "--services", "--variables"] {
            let run = try runStackc(["render", view, path])
            #expect(run.status == 1, "\(view): \(run.stderr)")
            #expect(run.stdout.isEmpty)
            #expect(run.stderr.contains("compose.yaml:4:"), "the finding names the file, line and column: \(run.stderr)")
        }
    }

    /// Compose lists a file's variables before substituting them, so a required one left unset is listed,
    /// not refused (the table is what `docker compose config --variables` printed for this file).
    @Test func variablesAreListedBeforeSubstitution() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("app/compose.yaml", "services:\n  web:\n    image: \"nginx:${TAG:?set TAG}\"\n    ports: [\"${P}:80\"]\n")
        let run = try runStackc(["render", "--variables", path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == """
            NAME                REQUIRED            DEFAULT VALUE       ALTERNATE VALUE
            P                   false                                   
            TAG                 true                                    

            """)
        let normalized = try runStackc(["render", "--normalize", path])
        #expect(normalized.status == 1 && normalized.stdout.isEmpty && normalized.stderr.contains("required variable TAG"))
    }

    @Test func viewsAreExclusive() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("app/compose.yaml", Self.project)
        let run = try runStackc(["render", "--normalize", "--services", path])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
    }

    @Test func refusesATemplateThatIsNoComposeFile() throws {
        let run = try runStackc(["render", "--normalize", packageRoot.appendingPathComponent("samples/pod/valid.yaml").path])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("--normalize reads a Compose file"))
        #expect(run.stdout.isEmpty)
    }

    @Test func listsServicesImagesVolumesProfilesAndVariables() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("app/compose.yaml", """
            services:
              web:
                build: .
                depends_on: [db]
                volumes: [data:/data]
              db:
                image: "postgres:${PG:-16}"
              debug:
                image: busybox
                profiles: [debug, tools]
            volumes:
              data: {}
              unused: {}

            """)
        #expect(try runStackc(["render", "--services", path]).stdout == "db\nweb\n", "a dependency first; the inactive profile left out")
        #expect(try runStackc(["render", "--images", path]).stdout == "postgres:16\napp-web\n")
        #expect(try runStackc(["render", "--volumes", path]).stdout == "data\n", "only the volumes a service uses")
        #expect(try runStackc(["render", "--profiles", path]).stdout == "debug\ntools\n")
        let variables = try runStackc(["render", "--variables", path]).stdout
        #expect(variables == """
            NAME                REQUIRED            DEFAULT VALUE       ALTERNATE VALUE
            PG                  false               16                  

            """)
        #expect(try runStackc(["render", "--services", path], environment: ["COMPOSE_PROFILES": "debug"]).stdout == "db\ndebug\nweb\n")
    }
}
