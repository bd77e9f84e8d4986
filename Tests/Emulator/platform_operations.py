"""The emulator's lifecycle operations for Alauda v1 services (source 003) and the v2 API (source 004), beside
the creates and reads in emulator.py. Imported by emulator.py, which hands each request here first; a None
answer means "not one of these" and emulator.py routes it as before. Standard library only.

What the sources document, and what they leave open (chosen here and said so):
- Alauda (003): start/stop (`PUT .../start/`, `.../stop/`), update (`PUT /v1/services/{ns}/{name}/`, "for example
  to adjust its number of instances"). The service view has `target_state`, `is_deploying`,
  `current_num_instances`; how long a deployment takes is not documented: here a start, stop or change of
  `target_num_instances` keeps `is_deploying` true for --polls-to-running GETs. The answers of start, stop and
  update are not documented: 204 with no body, as for start/stop before. The view and the update itself are
  updates.py's (shared with create-or-update), with the deployment's progress added here. Logs (`GET .../logs/?start_time=&end_time=`)
  are 003's two example entries, stamped 1433753256 and 1433753260, those within the range.
- v2 applications (004): kill (`?app_id=` optional), answering `{"Code", "Message"}` and shown as `Status` in
  updates.py's view; rollout and scale are updates.py's.
- ConfigMap/secret keys (004): `GET .../{name}/{key}` -> `{"data": value}`, `DELETE .../{name}/{key}`, `GET
  .../{name}/{key}/apps` -> `{"content": [{appId, appName, type, mountPath}]}` (appId here: `app-<name>`); "a key used
  by an application cannot be deleted until the application is removed": deleting such a key, or its whole
  configMap/secret, answers Code 1005. The Code values of refusals are not documented ("XXX").
- Cinder volumes (004): create `POST /v2/cinder/{p}/volumes` `{size, name, description, snapshot_id,
  metadata: {fs_type}}`, get/delete `.../volumes/{volumeId}`, extend `.../{volumeId}/extend` `{new_size}`. The
  create answer names no id (`{"Code": 0, "Message": "xxx"}`): ids here are `vol-1`, `vol-2`, … in creation
  order. The GET view is not documented: OpenStack Cinder's own fields (`id, name, size, description,
  snapshot_id, metadata, status`). Only an unused disk can be changed (004 guide): a disk with status `in-use`
  refuses delete and extend with Code 1005; extend must grow the disk (Code 1001 otherwise).
--cinder-volumes seeds disks: a JSON list of such views (`id` and `name` required).
"""
import json

import updates
from urllib.parse import unquote


def add_arguments(parser):
    parser.add_argument("--cinder-volumes", help="JSON list of existing v2 cloud disks (id, name, size, status, …)")


def attach(platform):
    """Adds this module's state to the emulator's Platform."""
    platform.cinder = {}  # (project, id) -> view
    platform.cinder_created = 0
    platform.deploying = {}  # (namespace, service_name) -> GETs left until is_deploying ends
    for seed in json.loads(platform.options.cinder_volumes) if platform.options.cinder_volumes else []:
        view = {"id": seed["id"], "name": seed["name"], "size": 1, "description": "", "snapshot_id": "",
                "metadata": {"fs_type": "xfs"}, "status": "available", "project": "team"}
        view.update(seed)
        platform.cinder[(view.pop("project"), view["id"])] = view


def route(handler, path, query, body):
    """The answer (status, body, headers) for an operation handled here, else None."""
    parts = [unquote(p) for p in path.split("/") if p]
    if parts[:2] == ["v1", "services"]:
        return alauda(handler, parts[2:], query, body)
    if parts[:1] == ["v2"] and len(parts) >= 3:
        kind, project, rest = parts[1], parts[2], parts[3:]
        if kind == "applications":
            return application(handler, project, rest, query, body)
        if kind == "cinder":
            return cinder(handler, project, rest, body)
        if kind in ("configmaps", "secrets"):
            return config_keys(handler, kind, project, rest)
    return None


def refusal(code, message):
    return 200, {"Code": code, "Message": message}, {}


OK = (200, {"Code": 0, "Message": ""}, {})


def parse(body):
    try:
        return json.loads(body.decode("utf-8")) if body else {}
    except ValueError:
        return None


# -- Alauda ------------------------------------------------------------------------------------------


def alauda(handler, parts, query, body):
    platform = handler.platform
    if len(parts) < 2:
        return None
    key = (parts[0], parts[1])
    with platform.lock:
        service = platform.alauda.get(key)
        if handler.command == "GET" and parts[2:] == ["logs"]:
            return logs(service, query)
        if handler.command == "GET" and len(parts) == 2:
            return (200, service_view(platform, key, service), {}) if service else (404, {"detail": "service not found"}, {})
        if handler.command != "PUT" or len(parts) not in (2, 3) or (len(parts) == 3 and parts[2] not in ("start", "stop")):
            return None
        if not service:
            return 404, {"detail": "service not found"}, {}
        service_view(platform, key, service)  # the instances running before this change
        if len(parts) == 3:
            service["target_state"] = "STARTED" if parts[2] == "start" else "STOPPED"
        else:
            fields = parse(body)
            if not isinstance(fields, dict):
                return 400, {"detail": "the body is not a JSON object"}, {}
            count = fields.get("target_num_instances", service.get("target_num_instances", 1))
            if not isinstance(count, int) or count < 0:
                return 400, {"target_num_instances": ["A valid integer of 0 or more is required."]}, {}
            answer = updates.alauda_update(platform.alauda, key, fields)
            if answer[0] != 204:
                return answer
        platform.deploying[key] = platform.options.polls_to_running
        return 204, "", {}


LOG_ENTRIES = [  # 003's example answer
    {"instance_id": "a9aff249", "message": "172.31.14.54 - - [12/May/2015 08:47:36] \"GET /alauda.jpg HTTP/1.1\" 200 -", "time": 1433753256},
    {"instance_id": "a9afcb38", "message": "172.31.14.54 - - [12/May/2015 08:47:40] \"GET / HTTP/1.1\" 200 -", "time": 1433753260},
]


def logs(service, query):
    if not service:
        return 404, {"detail": "service not found"}, {}
    try:
        start, end = int(query["start_time"]), int(query["end_time"])
    except (KeyError, ValueError):
        return 400, {"start_time": ["start_time and end_time (Unix seconds) are required."]}, {}
    return 200, [entry for entry in LOG_ENTRIES if start <= entry["time"] <= end], {}


def service_view(platform, key, service):
    """003's view (updates.alauda_view) with the deployment's progress, advanced by one step per GET."""
    left = platform.deploying.get(key, 0)
    if left > 0:
        platform.deploying[key] = left - 1
    running = service.get("target_state", "STARTED") == "STARTED"
    settled = {"is_deploying": False, "current_num_instances": service.get("target_num_instances", 1) if running else 0}
    if left > 0:
        settled = {"is_deploying": True, "current_num_instances": service.get("current_num_instances", 0)}
    service.update(settled)
    view = updates.alauda_view(service)
    view.update(settled)
    return view


# -- v2 applications ---------------------------------------------------------------------------------


def application(handler, project, rest, query, body):
    """kill; rollout and scale are updates.py's."""
    if handler.command != "POST" or rest[1:] != ["kill"]:
        return None
    platform = handler.platform
    with platform.lock:
        app = platform.v2.get(("applications", project, rest[0]))
        if not app:
            return 404, {"Code": 404, "Message": "%s not found" % rest[0]}, {}
        app["Status"] = "KILLED"
        return OK


# -- configMap and secret keys -----------------------------------------------------------------------


def config_keys(handler, kind, project, rest):
    platform = handler.platform
    with platform.lock:
        if handler.command == "DELETE" and len(rest) == 1:  # the whole configMap/secret: refused while in use
            found = platform.v2.get((kind, project, rest[0]))
            users = users_of(platform, kind, project, rest[0], (found or {}).get("data", {}).keys())
            return refusal(1005, "%s %s is used by %s" % (kind, rest[0], ", ".join(users))) if found and users else None
        if handler.command not in ("GET", "DELETE") or len(rest) not in (2, 3) or rest[3:] not in ([], ["apps"]):
            return None
        found = platform.v2.get((kind, project, rest[0]))
        data = (found or {}).get("data", {})
        if rest[1] not in data:
            return 404, {"Code": 404, "Message": "%s %s has no key %s" % (kind, rest[0], rest[1])}, {}
        if len(rest) == 3:
            return (200, {"content": uses_of(platform, kind, project, rest[0], rest[1])}, {}) if handler.command == "GET" else None
        if handler.command == "GET":
            return 200, {"data": data[rest[1]]}, {}
        users = users_of(platform, kind, project, rest[0], [rest[1]])
        if users:
            return refusal(1005, "key %s is used by %s" % (rest[1], ", ".join(users)))
        del data[rest[1]]
        return OK


def users_of(platform, kind, project, name, keys):
    """The names of the applications that use one of `keys` of `name`."""
    return sorted({use["appName"] for key in keys for use in uses_of(platform, kind, project, name, key)})


def uses_of(platform, kind, project, name, key):
    """004's `.../{key}/apps` entries: each application's `configMap`/`secret` reference that uses `key`."""
    field = "configMap" if kind == "configmaps" else "secret"
    uses = []
    for (app_kind, app_project, app_name), app in sorted(platform.v2.items()):
        if app_kind != "applications" or app_project != project:
            continue
        for reference in app.get(field) or []:
            if reference.get("name") == name and key in (reference.get("key") or []):
                use = {"appId": "app-" + app_name, "appName": app_name, "type": reference.get("type", "")}
                if "mountPath" in reference:
                    use["mountPath"] = reference["mountPath"]
                uses.append(use)
    return uses


# -- cinder volumes ----------------------------------------------------------------------------------


def cinder(handler, project, rest, body):
    if not rest or rest[0] != "volumes":
        return None
    platform = handler.platform
    fields = parse(body)
    with platform.lock:
        if handler.command == "POST" and len(rest) == 1:
            if not isinstance(fields, dict) or not fields.get("name"):
                return refusal(1001, "name is required")
            if not isinstance(fields.get("size"), int) or fields["size"] < 1:
                return refusal(1001, "size must be a whole number of GB, at least 1")
            platform.cinder_created += 1
            volume_id = "vol-%d" % platform.cinder_created
            platform.cinder[(project, volume_id)] = {
                "id": volume_id, "name": fields["name"], "size": fields["size"], "description": fields.get("description", ""),
                "snapshot_id": fields.get("snapshot_id", ""), "metadata": fields.get("metadata", {}), "status": "available"}
            return OK
        if len(rest) < 2:
            return None
        volume = platform.cinder.get((project, rest[1]))
        if not volume:
            return 404, {"Code": 404, "Message": "volume %s not found" % rest[1]}, {}
        if handler.command == "GET" and len(rest) == 2:
            return 200, volume, {}
        if volume["status"] == "in-use":
            return refusal(1005, "volume %s is in use: only an unused disk can be changed" % rest[1])
        if handler.command == "DELETE" and len(rest) == 2:
            del platform.cinder[(project, rest[1])]
            return 200, {"Code": 0}, {}
        if handler.command == "POST" and rest[2:] == ["extend"]:
            new_size = (fields or {}).get("new_size")
            if not isinstance(new_size, int) or new_size <= volume["size"]:
                return refusal(1001, "new_size must be larger than the current size %d" % volume["size"])
            volume["size"] = new_size
            return OK
    return None
