import Foundation
import TestSupport
import Testing

/// `stackc sign --format json` against Alibaba's own SDK (aliyun-python-sdk-core's roa_signature_composer,
/// driven by Tests/Oracles/aliyun_roa_sign.py) on varied requests: every case must give the same
/// string-to-sign, signature, Authorization and headers.
///
/// Cases the SDK cannot express are left to SubmitTests/ROASignerTests: repeated query keys or header names
/// (it takes dictionaries) and lower-case standard header names such as `content-type`, which the SDK looks
/// up by exact name and so would not sign (stackc does; see README "stackc sign").
struct SignOracleTests {
    struct Case {
        var name: String
        var method = "GET"
        var path = "/clusters"
        var query: [(String, String?)] = []
        var headers: [(String, String)] = []
        var body: [UInt8]?
        var date: String? = "Wed, 16 Dec 2015 12:20:18 GMT"
        var accessKeyID = "LTAI5tOracleExample"
        var secret = "oracle-secret-9Fz2"

        var arguments: [String] {
            var arguments = ["sign", "--format", "json", "--method", method, "--path", path]
            // `--flag=value`, so a value that begins with `-` is not taken for a flag.
            arguments += query.map { key, value in "--query=" + (value.map { "\(key)=\($0)" } ?? key) }
            arguments += headers.map { "--header=\($0): \($1)" }
            if let date { arguments += ["--date", date] }
            return arguments
        }

        var json: [String: Any] {
            ["name": name, "method": method, "path": path, "accessKeyId": accessKeyID, "accessKeySecret": secret,
             "query": query.map { [$0.0, $0.1 as Any? ?? NSNull()] }, "headers": headers.map { [$0.0, $0.1] },
             "body": body.map { Data($0).base64EncodedString() } ?? NSNull(), "date": date ?? headers.first { $0.0 == "Date" }?.1 ?? NSNull()]
        }
    }

    static let docBody = Array(#"{"password": "Just$test","instance_type": "ecs.m2.medium","name": "my-test-cluster-97082734","size": 1,"network_mode": "classic","data_disk_category": "cloud","data_disk_size": 10,"ecs_image_id": "m-253llee3l"}"#.utf8)
    static let docHeaders = [("Content-Type", "application/json;charset=utf-8"), ("x-acs-version", "2015-12-15"),
                             ("x-acs-signature-nonce", "fbf6909a-93a5-45d3-8b1c-3e03a7916799"), ("X-Acs-Region-Id", "cn-beijing")]

    static let cases: [Case] = [
        Case(name: "document example", method: "POST", query: [("param1", "value1"), ("param2", "value2")], headers: docHeaders,
             body: docBody, accessKeyID: "access_key_id", secret: "access_key_secret"),
        Case(name: "document example, query in the path", method: "POST", path: "/clusters?param1=value1&param2=value2", headers: docHeaders,
             body: docBody, accessKeyID: "access_key_id", secret: "access_key_secret"),
        Case(name: "plain GET"),
        Case(name: "cluster certificates", path: "/clusters/c82e6987e2961451182edacd74faf3f7/certs", headers: [("x-acs-version", "2015-12-15")]),
        Case(name: "space in a value", query: [("name", "my cluster")]),
        Case(name: "= in a value", query: [("expr", "a=b=c")]),
        Case(name: "& in a value", query: [("q", "a&b"), ("r", "&")]),
        Case(name: "Unicode value", query: [("name", "集群-é-🚀")]),
        Case(name: "Unicode key", query: [("名前", "value"), ("name", "x")]),
        Case(name: "empty value", query: [("empty", ""), ("z", "1")]),
        Case(name: "key without value", query: [("flag", nil), ("a", "1")]),
        Case(name: "only a key without value", query: [("flag", nil)]),
        Case(name: "code-point order of keys", query: [("b", "1"), ("B", "2"), ("_x", "3"), ("-y", "4"), ("1", "5"), ("a", nil), ("a b", "6"), ("ab", "")]),
        Case(name: "% and + in a value", query: [("v", "100%+1"), ("w", "%20")]),
        Case(name: "/ ? # in a value", query: [("path", "/a/b?c#d")]),
        Case(name: "line break and tab in a value", query: [("multi", "line1\nline2\tend")]),
        Case(name: "UTF-8 JSON body", method: "POST", headers: [("Content-Type", "application/json;charset=utf-8")],
             body: Array(#"{"name":"商城","description":"é ü 🚀"}"#.utf8)),
        Case(name: "PUT with body and version", method: "PUT", path: "/projects/shop/update",
             headers: [("Content-Type", "application/json"), ("x-acs-version", "2015-12-15")], body: Array(#"{"version":"1.1"}"#.utf8)),
        Case(name: "DELETE", method: "DELETE", path: "/projects/shop", query: [("force", "true"), ("volume", "false")]),
        Case(name: "HEAD", method: "HEAD", path: "/projects/"),
        Case(name: "empty body", method: "POST", path: "/projects/shop/confirm-update", body: []),
        Case(name: "bytes that are not UTF-8", method: "POST", headers: [("Content-Type", "application/octet-stream")], body: [0xFF, 0x00, 0xFE, 0x80, 0x0A]),
        Case(name: "x-acs headers of mixed case", headers: [("X-Acs-Signature-Nonce", "f63659d4-10ac-483b-99da-ea8fde61eae3"),
                                                            ("x-acs-region-id", "cn-shenzhen"), ("X-ACS-VERSION", "2015-12-15")]),
        Case(name: "x-acs value with a trailing space", headers: [("x-acs-meta", "v ")]),
        Case(name: "x-acs value in Unicode", headers: [("x-acs-meta-name", "淘宝,Alipay")]),
        Case(name: "empty x-acs value", headers: [("x-acs-empty", "")]),
        Case(name: "x-acs names with digits and underscores", headers: [("x-acs-a_b", "1"), ("x-acs-a-b", "2"), ("x-acs-A1", "3"), ("x-acs-a", "4")]),
        Case(name: "unsigned headers", headers: [("User-Agent", "stackc/0.1"), ("Host", "cs.aliyuncs.com"), ("x-sdk-invoke-type", "normal"),
                                                 ("Content-Length", "0"), ("Accept-Encoding", "identity")]),
        Case(name: "caller's Accept", headers: [("Accept", "application/xml")]),
        Case(name: "caller's Content-MD5", method: "POST", headers: [("Content-MD5", "AAAAAAAAAAAAAAAAAAAAAA==")], body: Array("x".utf8)),
        Case(name: "caller's signature method and version", headers: [("x-acs-signature-method", "HMAC-SHA1"), ("x-acs-signature-version", "2.0")]),
        Case(name: "Date as a header", headers: [("Date", "Thu, 01 Jan 2015 00:00:00 GMT")], date: nil),
        Case(name: "Date of now", date: nil),
        Case(name: "space and Unicode in the path", path: "/projects/my app/名前"),
        Case(name: "query in the path and apart", path: "/clusters?name=my-clusters&resource=new", query: [("RegionId", "cn-beijing")]),
        Case(name: "twenty parameters", query: (0..<20).map { ("p\(19 - $0)", "v\($0)") }),
        Case(name: "Unicode secret", secret: "秘密-ключ-🔑"),
        Case(name: "secret with & and =", secret: "a&b=c&"),
        Case(name: "Content-Type without body", headers: [("Content-Type", "text/plain; charset=utf-8")]),
        Case(name: "region as query and header", query: [("RegionId", "cn-hangzhou")], headers: [("x-acs-region-id", "cn-hangzhou")]),
    ]

    @Test func stackcAgreesWithAlibabasSDK() throws {
        let folder = try TemporaryDirectory()
        var records: [[String: Any]] = []
        for (index, testCase) in Self.cases.enumerated() {
            var arguments = testCase.arguments
            if let body = testCase.body { arguments += ["--body-file", try folder.write("body-\(index)", bytes: body)] }
            let run = try runStackc(arguments, environment: ["ALIBABA_CLOUD_ACCESS_KEY_ID": testCase.accessKeyID,
                                                              "ALIBABA_CLOUD_ACCESS_KEY_SECRET": testCase.secret])
            try #require(run.status == 0, "\(testCase.name): \(run.stderr)")
            var record = testCase.json
            record["stackc"] = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
            records.append(record)
        }
        let casesPath = folder.path("cases.json")
        try JSONSerialization.data(withJSONObject: records).write(to: URL(fileURLWithPath: casesPath))
        let oracle = packageRoot.appendingPathComponent("Tests/Oracles/aliyun_roa_sign.py").path
        let result = try runTestPython([oracle, casesPath])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.hasSuffix("agreed \(Self.cases.count) of \(Self.cases.count)\n"), "\(result.output)")
        #expect(Self.cases.count >= 30)
    }
}
