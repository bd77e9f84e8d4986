import Diagnostics
import Interpolation
import Model
import Syntax
import Testing

/// The accessors in `Sources/Model/Values` that read views rather than parse a value.
struct ValueAccessorsTests {
    func compose(_ text: String) -> ComposeDocument {
        decodedCompose(text)
    }

    @Test func writtenWithVariable() {
        let service = compose("services:\n  web:\n    image: \"app:${TAG}\"\n    command: echo hi\n    user: $USER\n").services[0]
        #expect(service.imageNode!.isWrittenWithVariable)
        #expect(service.imageNode!.string!.value == "app:")
        #expect(service.node["user"]!.isWrittenWithVariable)
        #expect(!service.command!.isWrittenWithVariable)
    }

    @Test func windowsStyleVolumes() {
        let volumes = compose("""
        services:
          web:
            image: x
            volumes: ['C:\\\\data:D:\\\\config:rw', 'c:/data:/data', 'data:/data', './x:/y', 'a/b:/c', {type: bind, source: 'C:\\\\x', target: /x}]
        """).services[0].volumes
        #expect(volumes.map(\.isWindowsStyle) == [true, true, false, false, false, false])
    }

    @Test func tmpfsPaths() {
        let services = compose("services:\n  a: {image: x, tmpfs: /run}\n  b: {image: x, tmpfs: ['/run:size=64m', /tmp]}\n  c: {image: x}\n").services
        #expect(services.map { $0.tmpfsPaths.map(\.value) } == [["/run"], ["/run", "/tmp"], []])
    }

    /// `containsAnyKey` answers as looking each key up would: a key of another length, one of the same
    /// length but other text, a key that is a value elsewhere, and a node that is no mapping all say no.
    @Test func anyOfSeveralKeys() {
        let service = compose("services:\n  web:\n    image: x\n    ports: [cpus]\n    deploy: {cpus: '1'}\n    shm_size: 1g\n").services[0]
        let sizes = KeySet(["mem_limit", "shm_size", "cpus"])
        #expect(service.node.containsAnyKey(sizes))
        #expect(!service.node.containsAnyKey(KeySet(["mem_limit", "cpus", "build"])))
        #expect(!service.node.containsAnyKey(KeySet(["label"])))
        #expect(!service.node.containsAnyKey(KeySet([])))
        #expect(service.deploy!.node.containsAnyKey(sizes))
        #expect(!service.node["ports"]!.containsAnyKey(sizes))
        #expect(!service.imageNode!.containsAnyKey(KeySet(["x"])))
    }
}
