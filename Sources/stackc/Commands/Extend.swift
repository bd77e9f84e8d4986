import ArgumentParser
import Submit

extension Stackc {
    struct Extend: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Grow a v2 cloud disk to a new size.",
            discussion: """
            v2 cloud disks: POST …/volumes/{volume-id}/extend with {"new_size": GB}. Repeated after a connection failure or a 429/502/503/504: the size is absolute, so asking twice asks for one size.

            Exit status: 0 extended, 1 a value in error, refused or absent, 2 usage, 3 unreachable or timed out.

            Example:
              STACKC_TOKEN=… stackc extend --target v2-cinder-volume --project team --volume-id 3f2a --size 50 --endpoint https://api
            """
        )

        @OptionGroup var operation: OperationFlags
        @OptionGroup var disk: DiskFlags

        func run() throws {
            try operation.run(.extend) { disk.apply(to: &$0.arguments) }
        }
    }
}
