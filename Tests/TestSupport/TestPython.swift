import Foundation

/// The Python that holds the independent tools the tests compare stackc with: `STACKC_TEST_PYTHON`
/// (set by `make test`, which installs the tools into a venv with `scripts/install-test-tools.sh`),
/// else `python3` from the PATH.
public func runTestPython(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [ProcessInfo.processInfo.environment["STACKC_TEST_PYTHON"] ?? "python3"] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Validates the JSON file `instance` against the JSON Schema file `schema` with Python's jsonschema
/// (draft 2020-12, the schema itself checked first). Prints "ok" on success, else the validator's errors.
public func validateWithJSONSchema(schema: String, instance: String) throws -> (status: Int32, output: String) {
    try runTestPython(["-c", """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        instance = json.load(open(sys.argv[2]))
        jsonschema.Draft202012Validator.check_schema(schema)
        errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(instance), key=lambda e: list(e.path))
        for error in errors:
            print("/".join(map(str, error.path)) + ": " + error.message)
        print("ok" if not errors else "invalid")
        """, schema, instance])
}
