import Diagnostics
import Foundation
@testable import Lowering
import Model
import Testing

/// Bodies checked by hand against PLATFORM_API.md §2 (field names, order, types).
struct AliyunTargetTests {
    @Test func createBodyForTheDocumentedExample() throws {
        let request = try lower("web:\n  image: nginx\n", .aliyunProject, [.name: "shop"])
        #expect(request.method == "POST" && request.path == "/projects/")
        #expect(body(request) == #"{"name":"shop","description":"","template":"web:\n  image: nginx\n","version":"1.0","environment":{}}"#)
    }

    @Test func createWithLatestImageAndDescription() throws {
        let request = try lower("web:\n  image: nginx\n", .aliyunProject, [.name: "shop", .description: "the shop", .version: "2", .latestImage: "true"])
        #expect(body(request) == #"{"name":"shop","description":"the shop","template":"web:\n  image: nginx\n","version":"2","environment":{},"latest_image":true}"#)
    }

    @Test func standardAndBlueGreenUpdates() throws {
        let standard = try lower("web:\n  image: nginx\n", .aliyunProjectUpdate, [.name: "shop", .version: "1.1"])
        #expect(standard.path == "/projects/shop/update")
        #expect(body(standard) == #"{"description":"","template":"web:\n  image: nginx\n","version":"1.1","environment":{}}"#)
        let blueGreen = try lower("web:\n  image: nginx\n", .aliyunProjectUpdate, [.name: "shop", .version: "1.2", .blueGreen: "true"])
        #expect(body(blueGreen) == #"{"update_method":"blue-green","description":"","template":"web:\n  image: nginx\n","version":"1.2","latest_image":false,"environment":{}}"#)
    }

    @Test func updateNeedsAVersion() {
        #expect(throws: LoweringFailure("aliyun-project-update needs the version: pass --version or set 'version' in a stack manifest")) {
            try lower("web:\n  image: nginx\n", .aliyunProjectUpdate, [.name: "shop"])
        }
        #expect(throws: LoweringFailure("aliyun-project needs the project name: pass --name or set 'name' in a stack manifest")) {
            try lower("web:\n  image: nginx\n", .aliyunProject, [:])
        }
    }

    @Test func localModeSubstitutesAndEscapesEveryRemainingDollar() throws {
        let yaml = "web:\n  image: nginx:${TAG}\n  environment:\n    PRICE: \"$$5\"\n    HOST: ${ACS_DEFAULT_DOMAIN}\n    PROJECT: ${COMPOSE_PROJECT_NAME}-x\n    LITERAL: cost $ 5\n"
        let request = try lower(yaml, .aliyunProject, [.name: "shop"], variables: ["TAG": "1.25"])
        let template = try parsedBody(request)["template"] as! String
        #expect(template == "web:\n  image: nginx:1.25\n  environment:\n    PRICE: \"$$5\"\n    HOST: ${ACS_DEFAULT_DOMAIN}\n    PROJECT: ${COMPOSE_PROJECT_NAME}-x\n    LITERAL: cost $$ 5\n")
        #expect(try parsedBody(request)["environment"] as! [String: String] == [:])
    }

    @Test func keepModeSendsTheFileAsWrittenWithTheReferencedValues() throws {
        let yaml = "# deployed by CI\r\nweb:\r\n  image: nginx:${TAG}\r\n  environment: [\"A=${A:-x}\", \"D=${ACS_DEFAULT_DOMAIN}\", \"U=$UNSET\"]\r\n"
        let request = try lower(yaml, .aliyunProject, [.name: "shop", .variables: "keep"], variables: ["TAG": "1.25", "A": "a", "OTHER": "o"])
        let parsed = try parsedBody(request)
        #expect(parsed["template"] as? String == "# deployed by CI\nweb:\n  image: nginx:${TAG}\n  environment: [\"A=${A:-x}\", \"D=${ACS_DEFAULT_DOMAIN}\", \"U=$UNSET\"]\n")
        #expect(body(request).hasSuffix(#""environment":{"TAG":"1.25","A":"a"}}"#))
    }

    @Test func autoVersionFollowsTheContentSentAndNothingElse() throws {
        let yaml = "web:\n  image: nginx:${TAG}\n"
        func version(_ tag: String, mode: VariablesMode = .local, description: String = "") throws -> String {
            let request = try lower(yaml, .aliyunProject, [.name: "shop", .description: description, .version: "auto", .variables: mode.rawValue], variables: ["TAG": tag])
            return try parsedBody(request)["version"] as! String
        }
        let first = try version("1")
        #expect(first.hasPrefix("sha256-") && first.count == 19)
        #expect(try version("1") == first)
        #expect(try version("1", description: "other text") == first)
        #expect(try version("2") != first)
        let keepOne = try version("1", mode: .keep)
        let keepTwo = try version("2", mode: .keep)
        #expect(keepOne != keepTwo)
    }

    @Test func volumeBody() throws {
        let yaml = "name: shared\ndriver: nas\ndriverOpts:\n  diskid: d-1\n  host: x.nas.aliyuncs.com\n  path: /data\n  mode: 755\n"
        let request = try lower(yaml, .aliyunVolume, [:])
        #expect(request.path == "/volumes/create")
        #expect(body(request) == #"{"name":"shared","driver":"nas","driverOpts":{"diskid":"d-1","host":"x.nas.aliyuncs.com","path":"/data","mode":"755"}}"#)
    }

    @Test func scaleBodyFromTheServicesScaleLabel() throws {
        let yaml = "web:\n  image: nginx\n  labels:\n    aliyun.scale: \"3\"\ndb:\n  image: mysql\n  replicas: 2\n"
        let web = try lower(yaml, .aliyunScale, [.project: "shop", .service: "web"])
        #expect(web.path == "/services/shop_web/scale")
        #expect(body(web) == #"{"type":"scale_to","value":3}"#)
        #expect(body(try lower(yaml, .aliyunScale, [.project: "shop", .service: "db"])) == #"{"type":"scale_to","value":2}"#)
        #expect(throws: LoweringFailure("--service 'wbe' is not a service of the template; did you mean 'web'?")) {
            try lower(yaml, .aliyunScale, [.project: "shop", .service: "wbe"])
        }
    }

    /// A name the path would have to encode is no aliyun project name: it never reaches a path.
    @Test func aNameWithPathCharactersIsRefused() {
        #expect(throws: LoweringFailure("--name 'a/b c' must not contain '/'; use 1–64 of A–Z a–z 0–9 -, not starting with -")) {
            try lower("web:\n  image: nginx\n", .aliyunProjectUpdate, [.name: "a/b c", .version: "2"])
        }
    }
}
