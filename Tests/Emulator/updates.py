"""The documented updates and GET answers `stackc plan` and create-or-update `submit` compare with, kept
apart from emulator.py's routing. Each follows the seeds (PLATFORM_API.md; originals in seeds/), not
stackc's code:

- Alauda v1 (003): "get service" answers the service with instance_envvars, linked_to_apps and
  autoscaling_config written as JSON text and the region as {"name": ...}, plus server fields;
  "update service" is PUT /v1/services/{namespace}/{service_name}/ with the fields to change.
- v2 applications (004): the app object (AppID, Image, InstanceNum, Environments, PortsInfo, ResInfo
  without gpu, ...); rollout POST .../{app}/rollout {"image"}; scale POST .../{app}/scale?type=manual&scale=N
  or ?type=auto with {"minReplicas", "maxReplicas", "targetCPUUtilization"}.
- v2 configmaps and secrets (004): POST .../{name}/{key} {"data"} sets one key (platform_operations.py
  reads and deletes keys).
All functions run under the platform's lock.
"""
import json

OK = {"Code": 0, "Message": ""}


def alauda_view(fields):
    """GET /v1/services/{namespace}/{service_name}/ as 003 prints it."""
    view = {key: value for key, value in fields.items() if key not in ("region_name", "application")}
    for key in ("instance_envvars", "linked_to_apps", "autoscaling_config"):
        view[key] = json.dumps(fields.get(key, {}))
    view["region"] = {"IaaS": "AWS", "name": fields.get("region_name", "BEIJING1")}
    view.update({"unique_name": "svc-1", "current_num_instances": fields.get("target_num_instances", 1),
                 "is_deploying": False, "resource_uri": "/api/v1/apps/" + fields["service_name"]})
    return view


def alauda_update(services, key, fields):
    """PUT /v1/services/{namespace}/{service_name}/: the given fields replace the service's."""
    found = services.get(key)
    if found is None:
        return 404, {"detail": "service not found"}, {}
    if not isinstance(fields, dict) or fields.get("service_name", key[1]) != key[1]:
        return 400, {"service_name": ["does not match the path"]}, {}
    found.update(fields)
    return 204, "", {}


def application_view(project, fields):
    """GET /v2/applications/{projectName}/{appName} as 004 prints the app object."""
    resources = fields.get("resources", {})
    return {"AppID": "app-" + fields["name"], "Cmd": fields.get("cmd", ""), "Created": "2016-09-28T17:29:22+08:00",
            "DockerDataDir": fields.get("dockerDataDir", ""), "DockerLogDir": fields.get("dockerLogDir", ""),
            "Environments": fields.get("dockerEnv", []), "Image": fields.get("imageRef", ""),
            "InstanceNum": fields.get("instanceNum", 1), "InstanceSummary": "", "Name": fields["name"],
            "PortsInfo": fields.get("portMappings", []), "ProjectID": "p-" + project, "ProjectName": project,
            "Status": fields.get("Status", "RUNNING"), "Username": fields.get("userName", ""),
            "ResInfo": {key: resources[key] for key in ("cpu", "mem", "disk") if key in resources},
            "NetworkType": fields.get("networkType", 0), "Type": "Deployment", "scale": fields.get("scale", {}),
            "configMap": fields.get("configMap", []), "secret": fields.get("secret", []),
            "internalVolumes": fields.get("internalVolumes", []), "nodeLabels": fields.get("nodeLabels", {})}


def v2_route(store, method, parts, query, fields):
    """The v2 update calls; None when the request is not one of them."""
    kind, project = parts[0], parts[1]
    if kind == "applications" and method == "POST" and parts[3:] in (["rollout"], ["scale"]):
        found = store.get((kind, project, parts[2]))
        if found is None:
            return 404, {"Code": 404, "Message": "%s not found" % parts[2]}, {}
        if parts[3] == "rollout":
            if not isinstance(fields, dict) or not fields.get("image"):
                return 200, {"Code": 1001, "Message": "image is required"}, {}
            found["imageRef"] = fields["image"]
            return 200, OK, {}
        if query.get("type") == "manual" and query.get("scale", "").isdigit():
            found["instanceNum"] = int(query["scale"])
            return 200, OK, {}
        if query.get("type") == "auto" and isinstance(fields, dict) and {"minReplicas", "maxReplicas"} <= fields.keys():
            found["scale"] = fields
            return 200, OK, {}
        return 200, {"Code": 1001, "Message": "type=manual needs scale, type=auto a body"}, {}
    if kind in ("configmaps", "secrets") and len(parts) == 4 and method == "POST":
        found = store.get((kind, project, parts[2]))
        if found is None:
            return 404, {"Code": 404, "Message": "%s not found" % parts[2]}, {}
        data = found.setdefault("data", {})
        if not isinstance(fields, dict) or not isinstance(fields.get("data"), str):
            return 200, {"Code": 1001, "Message": "data is required"}, {}
        data[parts[3]] = fields["data"]
        return 200, OK, {}
    return None
