#!/usr/bin/env python3
"""A stand-in for the container platforms, for stackc's end-to-end tests. Standard library only.

Two HTTPS listeners and an HTTP proxy on 127.0.0.1 with random ports, printed as one JSON line on stdout:
  {"mtls": PORT, "tls": PORT, "proxy": PORT}
- "mtls" asks for a client certificate signed by --ca (the aliyun cluster API, PLATFORM_API.md §2).
- "tls" takes anyone (v2, Alauda, triggers, the aliyun OpenAPI), authenticated by token or signature.
  Both present --server-cert (e.g. expired-server, other-host-server) and speak only --tls-version when given.
- "proxy" tunnels CONNECT requests (as https_proxy would be used) and logs each one; with --proxy-auth it
  answers 407 to a CONNECT without those Basic credentials, as an authenticating proxy does.

Every request is appended to --log as one JSON line *before* any fault is applied, so a test can count
attempts ("exactly one create"). Faults come from --faults (a JSON list), each:
  {"method": "POST", "path": "/projects/", "times": 2, "status": 503}          an error answer
  {..., "status": 429, "retry_after": "1"}                                     with Retry-After
  {..., "kind": "reset"}        the connection is reset without an answer
  {..., "kind": "slow", "seconds": 5}   the answer is delayed (then served normally)
  {..., "kind": "silent"}       the request is read and never answered (the connection stays open until the
                                 client gives up or --lifetime ends)
  {..., "kind": "malformed"}    200 with a body that is not JSON
  {..., "kind": "huge", "bytes": N}     200 with N bytes of body
  {..., "kind": "lost-answer", "status": 504}  the request IS carried out, then the answer is replaced
                                 (a proxy timing out after the backend acted)
  {..., "status": 302, "location": URL}   a redirect
  {..., "status": 400, "body": TEXT}      an error answer with this text (e.g. terminal escape sequences)
--echo-secrets makes refusals quote what they refused, as careless servers do: the trigger's secret, the
token, and the AccessKey secret the OpenAPI signs with (JSON messages, and the raw query as received).
--master-url-form says how the OpenAPI writes a cluster's master_url: "https" (https://127.0.0.1:PORT),
"bare" (127.0.0.1:PORT) or "http" (http://127.0.0.1:PORT).
"path" matches a prefix of the path; "method" is optional; "times" defaults to 1 (-1: always).
updates.py holds the documented updates (Alauda PUT, v2 rollout and scale, setting a configmap/secret key) and
the documented GET answers of Alauda services and v2 applications, which create-or-update compares with.
The aliyun lifecycle verbs (project kill/redeploy, the services API, states passing while --wait polls)
live in lifecycle.py, with the options --services and --polls-to-settle.
The other lifecycle operations of Alauda services and the v2 API (start/stop/update with the deployment's
progress, logs, kill, configMap and secret keys, cloud disks) live in platform_operations.py, which sees
each request first and answers with updates.py's views and updates.
"""
import argparse
import base64
import hashlib
import hmac
import json
import os
import socket
import ssl
import struct
import sys
import threading
import time
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, unquote, urlsplit

import lifecycle  # the aliyun lifecycle verbs and the states --wait polls through
import platform_operations  # Alauda and v2 operations, cloud disks
import updates  # the documented updates and GET answers create-or-update compares with


class Platform:
    """All state, shared by both listeners and guarded by one lock."""

    def __init__(self, options):
        self.options = options
        self.lock = threading.Lock()
        self.faults = json.loads(options.faults) if options.faults else []
        self.projects = {}
        for seed in json.loads(options.projects) if options.projects else []:
            project = {"description": "", "environment": {}, "version": "1.0", "desired_state": "running",
                       "current_state": "running", "polls_left": 0, "pending": None}
            project.update(seed)
            self.projects[project["name"]] = project
        self.v2 = {}  # (kind, project, name) -> body
        self.alauda = {}  # (namespace, service_name) -> body
        self.volumes = {}  # name -> body
        lifecycle.setup(self, options)
        self.log = open(options.log, "a", encoding="utf-8") if options.log else None

    def record(self, handler, listener, body):
        if not self.log:
            return
        url = urlsplit(handler.path)
        entry = {"listener": listener, "method": handler.command, "path": url.path, "query": url.query,
                 "headers": dict(handler.headers.items()), "body": body.decode("utf-8", "replace")}
        with self.lock:
            self.log.write(json.dumps(entry) + "\n")
            self.log.flush()

    def take_fault(self, method, path):
        with self.lock:
            for fault in self.faults:
                if fault.get("times", 1) == 0:
                    continue
                if "method" in fault and fault["method"] != method:
                    continue
                if not path.startswith(fault.get("path", "")):
                    continue
                if fault.get("times", 1) > 0:
                    fault["times"] = fault.get("times", 1) - 1
                return fault
        return None


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    platform = None  # set per server class
    listener = ""

    def log_message(self, *args):
        pass

    # -- plumbing -------------------------------------------------------------------------------

    def do_GET(self):
        self.handle_any()

    do_POST = do_PUT = do_DELETE = do_GET

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        self.platform.record(self, self.listener, body)
        url = urlsplit(self.path)
        fault = self.platform.take_fault(self.command, url.path)
        if fault and fault.get("kind") != "lost-answer" and self.apply(fault):
            return
        try:
            status, answer, headers = self.route(url, body)
        except Exception as error:  # a bug here must show in the test, not hang it
            status, answer, headers = 500, "emulator error: %r" % (error,), {}
        if fault and fault.get("kind") == "lost-answer":
            status, answer, headers = fault.get("status", 504), "gateway timeout", {}
        self.answer(status, answer, headers)

    def apply(self, fault):
        """Serves a fault; False means "carry on normally afterwards" (slow)."""
        kind = fault.get("kind", "status")
        if kind == "reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            self.connection.close()
            return True
        if kind == "slow":
            time.sleep(fault.get("seconds", 5))
            return False
        if kind == "silent":
            self.close_connection = True
            try:
                while self.connection.recv(1024):
                    pass
            except OSError:
                pass
            return True
        if kind == "malformed":
            self.answer(200, "{\"name\": \"broken", {"Content-Type": "application/json"}, raw=True)
            return True
        if kind == "huge":
            total = fault.get("bytes", 64 << 20)
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(total))
            self.end_headers()
            chunk = b"x" * 65536
            try:
                while total > 0:
                    self.wfile.write(chunk[: min(total, len(chunk))])
                    total -= len(chunk)
            except OSError:
                pass
            self.close_connection = True
            return True
        headers = {"Retry-After": fault["retry_after"]} if "retry_after" in fault else {}
        if "location" in fault:
            headers["Location"] = fault["location"]
        self.answer(fault.get("status", 503), fault.get("body", "injected failure"), headers)
        return True

    def answer(self, status, answer, headers, raw=False):
        data = answer if isinstance(answer, str) and raw else (answer if isinstance(answer, str) else json.dumps(answer))
        data = data.encode("utf-8")
        self.send_response(status)
        content_type = "application/json" if not isinstance(answer, str) or raw else "text/plain"
        self.send_header("Content-Type", headers.pop("Content-Type", content_type))
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("x-acs-request-id", "req-%d" % (id(self) % 100000))
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def json_body(self, body):
        try:
            return json.loads(body.decode("utf-8")) if body else {}
        except ValueError:
            return None

    # -- routing --------------------------------------------------------------------------------

    def route(self, url, body):
        path = url.path
        query = dict(parse_qsl(url.query, keep_blank_values=True))
        if self.listener == "mtls" and path.startswith("/volumes"):
            return self.volumes_api(path, body)
        if self.listener == "mtls" and path.startswith("/services"):
            return lifecycle.services_api(self, path, query, body)
        if self.listener == "mtls":
            return self.projects_api(path, query, body)
        if path.startswith("/hook/trigger"):
            return self.trigger(query)
        if path.startswith("/clusters"):
            return self.openapi(url, body)
        if path.startswith("/v2/"):
            return self.authorised("Bearer") or platform_operations.route(self, path, query, body) or self.v2_api(path, query, body)
        if path.startswith("/v1/services/"):
            return self.authorised("Token") or platform_operations.route(self, path, query, body) or self.alauda_api(path, body)
        return 404, "no such endpoint: " + path, {}

    def authorised(self, scheme):
        expected = "%s %s" % (scheme, self.platform.options.token)
        # http.server reads header bytes as Latin-1; the token's bytes are UTF-8.
        received = self.headers.get("Authorization", "").encode("latin-1").decode("utf-8", "replace")
        if received != expected:
            echo = ": " + received if self.platform.options.echo_secrets else ""
            return 401, {"Code": 401, "Message": "invalid token" + echo}, {}
        return None

    # aliyun cluster projects API (mutual TLS)
    def projects_api(self, path, query, body):
        platform = self.platform
        parts = [unquote(p) for p in path.split("/") if p]
        with platform.lock:
            if parts == ["projects"] and self.command == "POST":
                fields = self.json_body(body)
                if fields is None or "name" not in fields or "template" not in fields:
                    return 400, "invalid project body", {}
                if fields["name"] in platform.projects:
                    return 409, "project %s already exists" % fields["name"], {}
                platform.projects[fields["name"]] = {
                    "name": fields["name"], "description": fields.get("description", ""), "template": fields["template"],
                    "version": fields.get("version", "1.0"), "environment": fields.get("environment", {}),
                    "desired_state": "running", "current_state": "starting",
                    "polls_left": platform.options.polls_to_running, "pending": None}
                return 201, "", {"Location": "/projects/" + fields["name"]}
            if parts == ["projects"] and self.command == "GET":
                return 200, self.project_list(query), {}
            if len(parts) < 2 or parts[0] != "projects":
                return 404, "no such endpoint: " + path, {}
            project = platform.projects.get(parts[1])
            if project is None:
                return 404, "project %s not found" % parts[1], {}
            if len(parts) == 2 and self.command == "GET":
                return 200, self.project_view(project), {}
            if len(parts) == 2 and self.command == "DELETE":
                return lifecycle.delete_project(platform, project)
            if len(parts) == 3 and parts[2] in lifecycle.PROJECT_VERBS and self.command == "POST":
                return lifecycle.project_verb(platform, project, parts[2], query)
            if parts[2:] == ["update"] and self.command == "POST":
                return self.update(project, self.json_body(body))
            if parts[2:] in (["confirm-update"], ["rollback-update"]) and query.get("force") not in ("true", "false"):
                return 400, "force=true or force=false is required (000 §1.5.11, §1.5.12)", {}
            if parts[2:] == ["confirm-update"] and self.command == "POST":
                if not project["pending"]:
                    return 400, "no unconfirmed update for project %s" % project["name"], {}
                project.update(project["pending"])
                project["pending"] = None
                return 202, "", {}
            if parts[2:] == ["rollback-update"] and self.command == "POST":
                if not project["pending"]:
                    return 400, "no unconfirmed update for project %s" % project["name"], {}
                project["pending"] = None
                return 202, "", {}
        return 404, "no such endpoint: " + path, {}

    # aliyun volumes (mutual TLS)
    def volumes_api(self, path, body):
        parts = [unquote(p) for p in path.split("/") if p]
        volumes = self.platform.volumes
        with self.platform.lock:
            if parts == ["volumes", "create"] and self.command == "POST":
                fields = self.json_body(body)
                if not fields or not fields.get("name") or not fields.get("driver"):
                    return 400, "invalid volume body", {}
                if fields["name"] in volumes:
                    return 409, "volume %s already exists" % fields["name"], {}
                volumes[fields["name"]] = fields
                return 201, {"Name": fields["name"], "Driver": fields["driver"], "Mountpoint": "/mnt/" + fields["name"],
                             "Labels": {}, "Scope": "global"}, {}
            if parts == ["volumes"] and self.command == "GET":
                return 200, {"Volumes": [{"Name": name, "Driver": fields["driver"], "Mountpoint": "/mnt/" + name, "Labels": None,
                                          "Scope": "global", "Node": "node-1", "Refs": []} for name, fields in volumes.items()]}, {}
            if len(parts) == 2 and self.command == "DELETE":
                return (204, "", {}) if volumes.pop(parts[1], None) else (404, "volume %s not found" % parts[1], {})
            if len(parts) == 2 and self.command == "GET":
                found = volumes.get(parts[1])
                return (200, {"Name": parts[1], "Driver": found["driver"]}, {}) if found else (404, "volume %s not found" % parts[1], {})
        return 404, "no such endpoint: " + path, {}

    def project_list(self, query):
        """GET /projects/?q=&services=&containers= (000 §1.5.1): every project whose name contains q."""
        listed = []
        for project in self.platform.projects.values():
            if query.get("q", "") in project["name"]:
                view = self.project_view(project)
                if query.get("services") not in ("true", "1"):
                    del view["services"]
                listed.append(view)
        return listed

    def project_view(self, project):
        if lifecycle.settle(self.platform, project):  # its deletion has finished: this is the last view
            del self.platform.projects[project["name"]]
        view = {key: value for key, value in project.items() if key not in ("polls_left", "pending", "settles_to", "removing")}
        view["environment"] = dict(project["environment"], COMPOSE_PROJECT_NAME=project["name"],
                                   ACS_PROJECT_VERSION=project["version"])
        view["services"] = []
        return view

    def update(self, project, fields):
        if fields is None or "template" not in fields:
            return 400, "invalid update body", {}
        if project["pending"]:
            return 409, "Conflicts with unconfirmed updates for operation", {}
        if fields.get("version") == project["version"]:
            return 409, "version %s is the current version of %s" % (project["version"], project["name"]), {}
        change = {key: fields[key] for key in ("description", "template", "version", "environment") if key in fields}
        if fields.get("update_method") == "blue-green":
            project["pending"] = change
        else:
            project.update(change)
        project["current_state"] = "updating"
        project["polls_left"] = self.platform.options.polls_to_running
        return 202, "", {}

    # v2
    def v2_api(self, path, query, body):
        parts = [unquote(p) for p in path.split("/") if p][1:]
        kinds = {"podstack": "stackInstanceName", "composes": "stackInstanceName", "applications": "name",
                 "configmaps": "name", "secrets": "name"}
        if not parts or parts[0] not in kinds or len(parts) < 2:
            return 404, {"Code": 404, "Message": "no such endpoint"}, {}
        kind, project = parts[0], parts[1]
        fields = self.json_body(body)
        with self.platform.lock:
            store = self.platform.v2
            routed = updates.v2_route(store, self.command, parts, query, fields)
            if routed:
                return routed
            if self.command in ("GET", "DELETE") and len(parts) == 3:
                found = store.get((kind, project, parts[2]))
                if not found:
                    return 404, {"Code": 404, "Message": "%s not found" % parts[2]}, {}
                if self.command == "DELETE":
                    del store[(kind, project, parts[2])]
                    return 200, {"Code": 0, "Message": ""}, {}
                if kind in ("configmaps", "secrets"):  # the documented view: name, projectName, configNum, data
                    return 200, {"name": found["name"], "projectName": project, "configNum": len(found.get("data", {})),
                                 "data": found.get("data", {})}, {}
                if kind == "applications":
                    return 200, updates.application_view(project, found), {}
                return 200, found, {}
            if self.command == "POST" and kind == "applications" and parts[3:] == ["start"]:  # app_id required (004)
                if (kind, project, parts[2]) not in store:
                    return 404, {"Code": 404, "Message": "%s not found" % parts[2]}, {}
                if not query.get("app_id"):
                    return 200, {"Code": 1001, "Message": "app_id is required"}, {}
                store[(kind, project, parts[2])]["Status"] = "RUNNING"
                return 200, {"Code": 0, "Message": ""}, {}
            if self.command != "POST" or fields is None:
                return 400, {"Code": 400, "Message": "bad request"}, {}
            if len(parts) == 3:  # podstack update
                key = (kind, project, parts[2])
                if key not in store:
                    return 200, {"Code": 1004, "Message": "app %s does not exist" % parts[2]}, {}
                if not query.get("app_id"):
                    return 200, {"Code": 1001, "Message": "app_id is required"}, {}
                store[key] = dict(store[key], **fields)
                return 200, {"Code": 0, "Message": ""}, {}
            name = fields.get(kinds[kind])
            if not name:
                return 200, {"Code": 1001, "Message": "%s is required" % kinds[kind]}, {}
            if (kind, project, name) in store:
                return 200, {"Code": 1002, "Message": "%s %s already exists" % (kind, name)}, {}
            store[(kind, project, name)] = fields
            return 200, {"Code": 0, "Message": ""}, {}

    # Alauda
    def alauda_api(self, path, body):
        parts = [unquote(p) for p in path.split("/") if p][2:]
        services = self.platform.alauda
        with self.platform.lock:
            if self.command == "GET" and len(parts) == 1:
                results = [fields for (namespace, _), fields in services.items() if namespace == parts[0]]
                return 200, {"count": len(results), "previous": None, "next": None, "results": results}, {}
            if self.command == "DELETE" and len(parts) == 2:
                return (204, "", {}) if services.pop((parts[0], parts[1]), None) else (404, {"detail": "service not found"}, {})
            if self.command == "POST" and len(parts) == 1:
                fields = self.json_body(body)
                if not fields or not fields.get("service_name"):
                    return 400, {"service_name": ["This field is required."]}, {}
                key = (parts[0], fields["service_name"])
                if key in self.platform.alauda:
                    return 409, {"errors": [{"code": "resource_already_exist", "message": "service %s already exists" % key[1]}]}, {}
                self.platform.alauda[key] = fields
                return 201, dict(fields, unique_name="svc-1"), {}
        return 404, {"detail": "not found"}, {}

    # triggers
    def trigger(self, query):
        if query.get("secret") != self.platform.options.trigger_secret:
            if self.platform.options.echo_secrets:
                return 403, "trigger secret %s does not match (query %s)" % (query.get("secret"), urlsplit(self.path).query), {}
            return 403, {"code": "InvalidSecret", "message": "trigger secret does not match"}, {}
        if "type" in query and (query["type"] not in ("scale_out", "scale_in") or not 1 <= int(query.get("step", "0")) <= 100):
            return 400, {"code": "InvalidParameter", "message": "bad scaling trigger"}, {}
        return 200, {"code": "Success", "triggered": query.get("type", "redeploy")}, {}

    # aliyun OpenAPI, signatures checked independently of stackc (ALIYUN.md §1)
    def openapi(self, url, body):
        options = self.platform.options
        expected = "acs %s:%s" % (options.access_key_id, self.signature(url, options.access_key_secret))
        if self.headers.get("Authorization") != expected:
            echo = " (signed with secret %s)" % options.access_key_secret if options.echo_secrets else ""
            return 403, {"code": "SignatureDoesNotMatch", "message": "The request signature does not conform to Aliyun standards." + echo,
                         "requestId": "sig-1"}, {}
        try:
            skew = abs(time.time() - parsedate_to_datetime(self.headers.get("Date", "")).timestamp())
        except (TypeError, ValueError):
            skew = 1e9
        if skew > 900:
            return 400, {"code": "InvalidTimeStamp", "message": "Date is missing or more than 15 minutes off"}, {}
        if body and self.headers.get("Content-MD5") != base64.b64encode(hashlib.md5(body).digest()).decode():
            return 400, {"code": "InvalidContentMD5", "message": "Content-MD5 does not match the body"}, {}
        parts = [unquote(p) for p in url.path.split("/") if p]
        if len(parts) >= 2 and parts[1] != options.cluster_id:
            return 404, {"code": "ErrorClusterNotFound", "message": "cluster %s not found" % parts[1]}, {}
        if len(parts) == 2:
            address = "127.0.0.1:%d" % self.platform.mtls_port
            master = {"https": "https://" + address, "bare": address, "http": "http://" + address}[options.master_url_form]
            return 200, {"cluster_id": parts[1], "name": "test", "state": "running", "master_url": master}, {}
        if parts[2:] == ["certs"]:
            folder = options.cert_dir
            read = lambda name: open("%s/%s" % (folder, name), encoding="ascii").read()
            return 200, {"ca": read("ca.pem"), "cert": read("cert.pem"), "key": read("key.pem")}, {}
        return 404, {"code": "NotFound", "message": "no such endpoint"}, {}

    def signature(self, url, secret):
        headers = {name: value for name, value in self.headers.items()}
        lines = [self.command] + [headers.get(name, "") for name in ("Accept", "Content-MD5", "Content-Type", "Date")]
        text = "\n".join(lines) + "\n"
        acs = sorted((name.lower(), value) for name, value in headers.items() if name.lower().startswith("x-acs-"))
        text += "".join("%s:%s\n" % item for item in acs)
        # Raw decoded values; a parameter without "=" is a bare key (the SDK's None).
        query = sorted(tuple(unquote(part).split("=", 1)) for part in url.query.split("&") if part)
        resource = unquote(url.path)
        if query:
            resource += "?" + "&".join("=".join(pair) for pair in query)
        digest = hmac.new(secret.encode("utf-8"), text.encode("utf-8") + resource.encode("utf-8"), hashlib.sha1).digest()
        return base64.b64encode(digest).decode()


class TLSServer(ThreadingHTTPServer):
    """The TLS handshake runs in the connection's own thread. A refused client gets its alert (certificate
    required, unknown CA) and the socket closes at once, as a real server does: with TLS 1.3 the client has
    already sent its request, so the close may reset the connection and race the alert."""
    daemon_threads = True
    context = None

    def finish_request(self, request, client_address):
        connection = self.context.wrap_socket(request, server_side=True, do_handshake_on_connect=False)
        try:
            connection.do_handshake()
        except (ssl.SSLError, OSError):
            connection.close()
            return
        try:
            self.RequestHandlerClass(connection, client_address, self)
        finally:
            connection.close()


class Tunnel(BaseHTTPRequestHandler):
    """A CONNECT proxy: logs the target, then copies bytes both ways until either side closes."""
    platform = None

    def log_message(self, *args):
        pass

    def do_CONNECT(self):
        self.platform.record(self, "proxy", b"")
        wanted = self.platform.options.proxy_auth
        if wanted and self.headers.get("Proxy-Authorization") != "Basic " + base64.b64encode(wanted.encode()).decode():
            self.send_response(407, "Proxy Authentication Required")
            self.send_header("Proxy-Authenticate", 'Basic realm="stackc-test"')
            self.send_header("Content-Length", "0")
            self.end_headers()
            self.close_connection = True
            return
        host, _, port = self.path.rpartition(":")
        try:
            upstream = socket.create_connection((host, int(port)), timeout=30)
        except OSError:
            self.send_error(502)
            return
        self.send_response(200, "Connection established")
        self.end_headers()
        self.close_connection = True

        def pump(source, sink):
            try:
                while True:
                    data = source.recv(65536)
                    if not data:
                        break
                    sink.sendall(data)
            except OSError:
                pass
            finally:
                for end in (source, sink):
                    try:
                        end.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass

        back = threading.Thread(target=pump, args=(upstream, self.connection), daemon=True)
        back.start()
        pump(self.connection, upstream)
        back.join(30)
        upstream.close()


def serve(platform, listener, context):
    handler = type("Bound" + listener, (Handler,), {"platform": platform, "listener": listener})
    server = TLSServer(("127.0.0.1", 0), handler)
    server.context = context
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server.server_address[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cert-dir", required=True, help="made by make-certs.sh")
    parser.add_argument("--log")
    parser.add_argument("--faults")
    parser.add_argument("--projects", help="JSON list of existing projects")
    parser.add_argument("--polls-to-running", type=int, default=2)
    parser.add_argument("--final-state", default="running", help="the state a project reaches (e.g. failed)")
    parser.add_argument("--token", default="test-token")
    parser.add_argument("--trigger-secret", default="trigger-secret")
    parser.add_argument("--access-key-id", default="test-key-id")
    parser.add_argument("--access-key-secret", default="test-key-secret")
    parser.add_argument("--cluster-id", default="c-test")
    parser.add_argument("--echo-secrets", action="store_true", help="refusals quote the secret they refused")
    parser.add_argument("--master-url-form", choices=("https", "bare", "http"), default="https")
    parser.add_argument("--proxy-auth", help="USER:PASSWORD the proxy requires (407 without them)")
    parser.add_argument("--tls-version", choices=("1.2", "1.3"), help="the only TLS version both listeners speak")
    parser.add_argument("--server-cert", default="server",
                        help="the certificate both listeners present, NAME.pem and NAME-key.pem of --cert-dir")
    lifecycle.add_arguments(parser)
    parser.add_argument("--lifetime", type=float, default=600, help="exit after this many seconds whatever happens")
    platform_operations.add_arguments(parser)
    options = parser.parse_args()
    platform = Platform(options)
    platform_operations.attach(platform)

    folder = options.cert_dir
    version = {"1.2": ssl.TLSVersion.TLSv1_2, "1.3": ssl.TLSVersion.TLSv1_3}.get(options.tls_version)
    mutual, plain = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER), ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    for context in (mutual, plain):
        context.load_cert_chain(folder + "/" + options.server_cert + ".pem", folder + "/" + options.server_cert + "-key.pem")
        if version:
            context.minimum_version = context.maximum_version = version
    mutual.load_verify_locations(folder + "/ca.pem")
    mutual.verify_mode = ssl.CERT_REQUIRED

    platform.mtls_port = serve(platform, "mtls", mutual)
    tls_port = serve(platform, "tls", plain)
    proxy = ThreadingHTTPServer(("127.0.0.1", 0), type("BoundTunnel", (Tunnel,), {"platform": platform}))
    proxy.daemon_threads = True
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    print(json.dumps({"mtls": platform.mtls_port, "tls": tls_port, "proxy": proxy.server_address[1]}), flush=True)
    # Ends when the test closes our stdin (or dies), and in any case after --lifetime.
    threading.Timer(options.lifetime, lambda: os._exit(0)).start()
    sys.stdin.read()
    os._exit(0)


if __name__ == "__main__":
    main()
