@testable import Model
import Testing

struct DiskMountListTests {
    @Test func parsesEntriesInOrder() {
        #expect(DiskMountList.parse("rbd1:/data/rbd1,rbd2:/data/rbd2") == [
            .init(disk: "rbd1", mountPath: "/data/rbd1"), .init(disk: "rbd2", mountPath: "/data/rbd2"),
        ])
        #expect(DiskMountList.parse(" rbd1 : /data , ,rbd2") == [.init(disk: "rbd1", mountPath: "/data"), .init(disk: "rbd2", mountPath: nil)])
        #expect(DiskMountList.parse("").isEmpty)
        #expect(DiskMountList.parse(" , ").isEmpty)
    }
}
