#!/usr/bin/env python3
"""Times `stackc lsp` from a didChange to the publishDiagnostics it causes, as an editor sees it.

Usage: lsp_latency.py STACKC FILE [--runs 21]

Opens FILE (its real path, so its .stackc.yaml and .env apply), then edits it RUNS times, one
incremental change each (a comment line appended at the end, then removed), waiting for the
diagnostics of each version before the next edit. Prints the median and the slowest run in ms.
"""
import argparse, json, os, statistics, subprocess, time


def frame(message):
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def read_message(stream):
    length = None
    while True:
        line = stream.readline()
        if line in (b"\r\n", b""):
            break
        name, _, value = line.decode().partition(":")
        if name.lower() == "content-length":
            length = int(value)
    return json.loads(stream.read(length))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("stackc")
    parser.add_argument("file")
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    path = os.path.abspath(args.file)
    uri = "file://" + path
    text = open(path, encoding="utf-8").read()
    lines = text.split("\n")
    end_line, end_character = len(lines) - 1, len(lines[-1].encode("utf-16-le")) // 2

    server = subprocess.Popen([args.stackc, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def send(message):
        server.stdin.write(frame(message))
        server.stdin.flush()

    def wait_for_diagnostics(version):
        while True:
            message = read_message(server.stdout)
            params = message.get("params", {})
            if message.get("method") == "textDocument/publishDiagnostics" and params.get("version") == version:
                return len(params["diagnostics"])

    send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
    read_message(server.stdout)
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
          "params": {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}})
    findings = wait_for_diagnostics(1)

    timings = []
    for run in range(args.runs):
        version = run + 2
        at = {"line": end_line, "character": end_character}
        if run % 2 == 0:
            change = {"range": {"start": at, "end": at}, "text": "# edit\n"}
        else:
            # Removes the line added by the edit before.
            change = {"range": {"start": at, "end": {"line": end_line + 1, "character": 0}}, "text": ""}
        started = time.perf_counter()
        send({"jsonrpc": "2.0", "method": "textDocument/didChange",
              "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}})
        wait_for_diagnostics(version)
        timings.append((time.perf_counter() - started) * 1000)

    send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    read_message(server.stdout)
    send({"jsonrpc": "2.0", "method": "exit"})
    server.wait(timeout=10)
    print(f"{os.path.basename(path)}: {len(text.encode())} bytes, {findings} findings, "
          f"didChange to publishDiagnostics median {statistics.median(timings):.1f} ms, "
          f"slowest {max(timings):.1f} ms over {args.runs} edits (exit {server.returncode})")


if __name__ == "__main__":
    main()
