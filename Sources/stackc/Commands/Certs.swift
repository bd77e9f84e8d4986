import ArgumentParser
import Driver
import Submit

extension Stackc {
    struct Certs: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write an aliyun cluster's certificates as a Docker-style folder (ca.pem, cert.pem, key.pem).",
            discussion: """
            The certificates come from the signed OpenAPI (GET /clusters/ID/certs) with the AccessKey from ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET or --credentials-file. Each file is written atomically with mode 0600; the folder is created with mode 0700 when absent. The private key is never printed.

            Exit status: 0 written, 1 the OpenAPI refused, 2 usage or a file that cannot be written, 3 unreachable or timed out.

            Example:
              stackc certs --cluster-id c1234 --out ~/.docker/aliyun/shop && stackc get --target aliyun-project --name shop --cert-dir ~/.docker/aliyun/shop --endpoint https://master:4243
            """
        )

        @Option(help: ArgumentHelp("The folder to write ca.pem, cert.pem and key.pem to.", valueName: "dir"))
        var out: String

        @OptionGroup(title: "Platform")
        var platform: PlatformFlags

        func validate() throws {
            if platform.clusterID == nil { throw ValidationError("certs needs --cluster-id (the cluster whose certificates to write)") }
            if platform.endpoint != nil { throw ValidationError("--endpoint does not apply to certs: the certificates come from the OpenAPI (--openapi)") }
            if platform.tokenFile != nil || !platform.headers.isEmpty {
                throw ValidationError("--token-file and --header do not apply to certs: the OpenAPI is signed with the AccessKey")
            }
        }

        func run() throws {
            let environment = Dictionary(EnvironmentOptions.currentProcessEnvironment(), uniquingKeysWith: { _, last in last })
            try CertsJob(access: platform.access, folder: out).run(environment: environment, output: Terminal.commandOutput).finish()
        }
    }
}
