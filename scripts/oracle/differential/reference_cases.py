"""Class `reference`: names that must be defined elsewhere in the file — volumes, networks, secrets,
configs, services named by `depends_on`, `links`, `volumes_from`, `network_mode`/`ipc`/`pid:
service:…` and `extends` — pointing at nothing, at themselves in a cycle, or at what is there."""

from functools import partial

from .mutation import S, T, X, XT, Template

# A template of this class: _r(name, *edits, **options).
_r = partial(Template, "reference")

def _uses_named_volume(base):
    """The file defines top-level volumes and a service mounts one of them by name."""
    volumes = base.tree.get("volumes")
    services = base.tree.get("services") or {}
    if not isinstance(volumes, dict) or not volumes:
        return False
    mounts = [str(item).split(":")[0] for body in services.values() if isinstance(body, dict)
              for item in body.get("volumes") or [] if isinstance(item, str)]
    return any(name in volumes for name in mounts)


def _joins_named_network(base):
    """The file defines top-level networks and a service joins one of them."""
    networks = base.tree.get("networks")
    services = base.tree.get("services") or {}
    if not isinstance(networks, dict) or not networks:
        return False
    joined = [name for body in services.values() if isinstance(body, dict)
              for name in (body.get("networks") or [])]
    return any(name in networks for name in joined if isinstance(name, str))


TEMPLATES = [
    _r("volume-undefined", S("volumes", '["cache:/cache"]')),
    _r("volume-defined", S("volumes", '["cache:/cache"]'), T("volumes/cache", "{}")),
    _r("volume-long-undefined", S("volumes", "[{type: volume, source: cache, target: /cache}]")),
    _r("volume-bind-path", S("volumes", '["./cache:/cache"]')),
    _r("top-volumes-removed", XT("volumes"), where=_uses_named_volume),
    _r("top-networks-removed", XT("networks"), where=_joins_named_network),
    _r("network-undefined", S("networks", "[backend]")),
    _r("network-defined", S("networks", "[backend]"), T("networks/backend", "{}")),
    _r("network-default", S("networks", "[default]")),
    _r("network-mapping-undefined", S("networks", "{backend: {aliases: [api]}}")),
    _r("secret-undefined", S("secrets", "[token]")),
    _r("secret-defined", S("secrets", "[token]"), T("secrets/token", "{environment: TOKEN}")),
    _r("config-undefined", S("configs", "[settings]")),
    _r("config-defined", S("configs", "[settings]"), T("configs/settings", "{content: 'debug: true'}")),
    _r("depends-on-unknown", S("depends_on", "[ghost]")),
    _r("depends-on-known", S("depends_on", "[@other]")),
    _r("depends-on-self", S("depends_on", "[@svc]")),
    _r("depends-on-cycle", S("depends_on", "[@other]"), T("services/@other/depends_on", "[@svc]")),
    _r("depends-on-long-unknown", S("depends_on", "{ghost: {condition: service_started}}")),
    _r("depends-on-unknown-not-required", S("depends_on", "{ghost: {condition: service_started, required: false}}")),
    _r("links-unknown", S("links", "[ghost]")),
    _r("links-known", S("links", '["@other:alias"]')),
    _r("volumes-from-unknown", S("volumes_from", "[ghost]")),
    _r("volumes-from-known", S("volumes_from", '["@other:ro"]')),
    _r("volumes-from-container", S("volumes_from", '["container:abc123"]')),
    _r("network-mode-service-missing", S("network_mode", '"service:ghost"'), X("networks")),
    _r("network-mode-service-known", S("network_mode", '"service:@other"'), X("networks"), X("ports")),
    _r("network-mode-service-self", S("network_mode", '"service:@svc"'), X("networks")),
    _r("ipc-service-missing", S("ipc", '"service:ghost"')),
    _r("ipc-service-known", S("ipc", '"service:@other"')),
    _r("pid-service-missing", S("pid", '"service:ghost"')),
    _r("pid-service-known", S("pid", '"service:@other"')),
    _r("pid-service-cycle", S("pid", '"service:@other"'), T("services/@other/pid", '"service:@svc"')),
    _r("extends-missing", T("services/extra", "{extends: {service: ghost}}")),
    _r("extends-known", T("services/extra", "{extends: {service: @svc}}")),
    _r("extends-self", T("services/extra", "{image: busybox, extends: {service: extra}}")),
    _r("extends-cycle", T("services/extra", "{image: busybox, extends: {service: extra2}}"),
       T("services/extra2", "{image: busybox, extends: {service: extra}}")),
    _r("extends-string", T("services/extra", "{extends: @svc}")),
    _r("service-no-image-no-build", T("services/extra", "{restart: always}")),
    _r("deploy-device-unknown-capability", S("deploy", "{resources: {reservations: {devices: [{capabilities: [gpu]}]}}}")),
    _r("secret-file-missing", S("secrets", "[token]"), T("secrets/token", "{file: ./token.txt}")),
    _r("env-file-missing", S("env_file", "[./app.env]")),
    _r("env-file-optional", S("env_file", "[{path: ./app.env, required: false}]")),
    _r("label-file-missing", S("label_file", "./labels")),
    _r("build-context-missing", S("build", "{context: ./missing, dockerfile: Dockerfile}")),
    _r("network-external-undefined", S("networks", "[shared]"), T("networks/shared", "{external: true}")),
]
