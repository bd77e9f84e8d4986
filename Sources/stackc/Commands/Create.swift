import ArgumentParser
import Submit

extension Stackc {
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a v2 cloud disk (Cinder volume) from flags.",
            discussion: """
            v2 cloud disks: POST /v2/cinder/{project}/volumes with {size, name, description, snapshot_id, metadata: {fs_type}}. The size is held to the rule a template's disks are (a whole number of GB, at least 1), the file system to ext4 or xfs. Sent again only when the connection never reached the server: the platform looks disks up by id, not by name, so a lost answer cannot be checked and a second create could make a second disk.

            Exit status: 0 created, 1 a value in error or refused, 2 usage, 3 unreachable or timed out.

            Example:
              STACKC_TOKEN=… stackc create --target v2-cinder-volume --project team --name pg-data --size 20 --fs-type ext4 --endpoint https://api
            """
        )

        @OptionGroup var operation: OperationFlags
        @OptionGroup var disk: DiskFlags

        func run() throws {
            try operation.run(.create) { disk.apply(to: &$0.arguments) }
        }
    }
}
