"""The aliyun cluster API's lifecycle verbs for emulator.py (PLATFORM_API.md §2; seeds 000 §1.5.5-1.5.8,
§1.5.13-1.5.18): project kill and redeploy, the services API (list, get, start, stop, kill, scale), and
--wait support (a project or service passes through an intermediate state for --polls-to-settle GETs).
Kept apart from emulator.py so others can extend that file in parallel. Standard library only.

Behaviour the seeds leave open, chosen as a careful server would behave and said here:
- the intermediate states are those of the cluster state tables (000 §1.6, 001 §2.4): starting, stopping,
  updating (redeploy), scaling, deleting; with --polls-to-settle 0 (the default) a verb takes effect at once;
- kill with KILL/TERM/INT (or their numbers) stops the containers; any other signal leaves the state;
- a redeploy or a scale while a blue-green update is unconfirmed answers 409 "Conflicts with unconfirmed
  updates for operation", as an update then does (ALIYUN.md §4);
- a scale body other than {"type": "scale_to", "value": <int >= 0>} answers 400.
"""
import json
from urllib.parse import unquote

STOPPING_SIGNALS = {"KILL", "SIGKILL", "9", "TERM", "SIGTERM", "15", "INT", "SIGINT", "2"}
PROJECT_VERBS = ("start", "stop", "kill", "redeploy")


def add_arguments(parser):
    parser.add_argument("--services", help="JSON list of existing aliyun services ({project, name, ...})")
    parser.add_argument("--polls-to-settle", type=int, default=0,
                        help="GETs a project or service shows an intermediate state after start/stop/redeploy/scale/delete")


def setup(platform, options):
    """platform.services: id ({project}_{name}) -> service, seeded from --services."""
    platform.services = {}
    for seed in json.loads(options.services) if options.services else []:
        service = {"id": "%s_%s" % (seed["project"], seed["name"]), "description": "", "created": "2016-04-21T13:36:32Z",
                   "updated": "2016-04-21T13:36:32Z", "desired_state": "running", "current_state": "running",
                   "definition": {"image": "nginx"}, "extensions": {"scale": 1}, "containers": {}}
        service.update(seed)
        platform.services[service["id"]] = service


def transition(platform, record, passing, final):
    """`record` shows `passing` for --polls-to-settle GETs, then `final` (None: the emulator's --final-state)."""
    polls = platform.options.polls_to_settle
    record["desired_state"] = final or "running"
    record["current_state"] = passing if polls > 0 else (final or platform.options.final_state)
    record["polls_left"] = polls
    record["settles_to"] = final


def settle(platform, record):
    """One GET of `record`: counts down its transition. True when it has finished being deleted."""
    if record.get("polls_left", 0) > 0:
        record["polls_left"] -= 1
        if record["polls_left"] == 0:
            if record.get("removing"):
                return True
            record["current_state"] = record.get("settles_to") or platform.options.final_state
    return False


def project_verb(platform, project, verb, query):
    """POST /projects/{name}/start|stop|kill|redeploy (000 §1.5.5-1.5.8): 200, no body."""
    if verb == "redeploy" and project.get("pending"):
        return 409, "Conflicts with unconfirmed updates for operation", {}
    apply_verb(platform, project, verb, query)
    return 200, "", {}


def apply_verb(platform, record, verb, query):
    if verb == "start":
        transition(platform, record, "starting", None)
    elif verb == "stop":
        transition(platform, record, "stopping", "stopped")
    elif verb == "redeploy":
        transition(platform, record, "updating", None)
    elif verb == "kill" and query.get("signal", "KILL").upper() in STOPPING_SIGNALS:
        record["desired_state"] = record["current_state"] = "stopped"


def delete_project(platform, project):
    """DELETE /projects/{name}: gone at once, or "deleting" for --polls-to-settle GETs."""
    if platform.options.polls_to_settle <= 0:
        del platform.projects[project["name"]]
    else:
        transition(platform, project, "deleting", "deleted")
        project["removing"] = True
    return 200, "", {}


def services_api(handler, path, query, body):
    """GET /services/?q=&containers=, GET /services/{id}, POST /services/{id}/start|stop|kill|scale."""
    platform = handler.platform
    parts = [unquote(p) for p in path.split("/") if p]
    with platform.lock:
        if parts == ["services"] and handler.command == "GET":
            return 200, [service_view(platform, service, query) for service in list(platform.services.values())
                         if query.get("q", "") in service["name"]], {}
        if len(parts) < 2 or parts[0] != "services":
            return 404, "no such endpoint: " + path, {}
        service = platform.services.get(parts[1])
        if service is None:
            return 404, "service %s not found" % parts[1], {}
        if len(parts) == 2 and handler.command == "GET":
            return 200, service_view(platform, service, {}), {}
        if len(parts) == 3 and handler.command == "POST" and parts[2] in ("start", "stop", "kill"):
            apply_verb(platform, service, parts[2], query)
            return 200, "", {}
        if parts[2:] == ["scale"] and handler.command == "POST":
            return scale(platform, service, handler.json_body(body))
    return 404, "no such endpoint: " + path, {}


def scale(platform, service, fields):
    """POST /services/{id}/scale {"type": "scale_to", "value": N} (000 §1.5.18): 200, no body."""
    value = (fields or {}).get("value")
    if (fields or {}).get("type") != "scale_to" or not isinstance(value, int) or isinstance(value, bool) or value < 0:
        return 400, "invalid scale body: want {\"type\": \"scale_to\", \"value\": <count>}", {}
    project = platform.projects.get(service["project"])
    if project and project.get("pending"):
        return 409, "Conflicts with unconfirmed updates for operation", {}
    service["extensions"]["scale"] = value
    transition(platform, service, "scaling", None)
    return 200, "", {}


def service_view(platform, service, query):
    settle(platform, service)
    view = {key: value for key, value in service.items() if key not in ("polls_left", "settles_to", "removing")}
    if query.get("containers") in ("false", "0"):
        del view["containers"]
    return view
