"""Class `duplicate`: an item or a key written twice — in lists Compose requires unique, in lists it
de-duplicates or keeps, and keys repeated in one mapping."""

from functools import partial

from .mutation import D, S, T, Template

# A template of this class: _d(name, *edits, **options).
_d = partial(Template, "duplicate")

def _twice(field, item, name="item"):
    """`field` holding `item` two times."""
    return _d(f"{field.replace('_', '-')}-{name}-twice", S(field, f"[{item}, {item}]"))


TEMPLATES = [
    _twice("dns", "8.8.8.8"),
    _twice("dns_search", "example.com"),
    _twice("dns_opt", "use-vc"),
    _twice("cap_add", "NET_ADMIN"),
    _twice("cap_drop", "ALL"),
    _twice("security_opt", "no-new-privileges:true"),
    _twice("group_add", "video"),
    _twice("external_links", "redis"),
    _twice("expose", '"8080"'),
    _twice("profiles", "debug"),
    _twice("tmpfs", "/run"),
    _twice("devices", '"/dev/fuse:/dev/fuse"'),
    _twice("depends_on", "@other"),
    _twice("links", "@other"),
    _twice("volumes_from", "@other"),
    _twice("networks", "default"),
    _twice("ports", '"18080:80"'),
    _twice("volumes", '"./data:/data"'),
    _twice("environment", "DEBUG=1"),
    _twice("labels", "tier=front"),
    _twice("sysctls", "net.core.somaxconn=1024"),
    _twice("extra_hosts", '"db:10.0.0.2"'),
    _twice("dns_search", '""', name="empty"),
    _d("secrets-item-twice", S("secrets", "[token, token]"), T("secrets/token", "{environment: TOKEN}")),
    _d("configs-item-twice", S("configs", "[settings, settings]"), T("configs/settings", "{content: x}")),
    _d("ports-same-target-two-hosts", S("ports", '["18080:80", "18081:80"]')),
    _d("ports-same-host-two-targets", S("ports", '["18080:80", "18080:81"]')),
    _d("ports-same-host-two-protocols", S("ports", '["10053:53/tcp", "10053:53/udp"]')),
    _d("ports-long-and-short-same", S("ports", '["18080:80", {target: 80, published: "18080"}]')),
    _d("volumes-same-target-two-sources", S("volumes", '["./a:/data", "./b:/data"]')),
    _d("volumes-long-and-short-same", S("volumes", '["./data:/data", {type: bind, source: ./data, target: /data}]')),
    _d("environment-name-twice-different", S("environment", "[DEBUG=1, DEBUG=0]")),
    _d("labels-key-twice-different", S("labels", "[tier=front, tier=back]")),
    _d("extra-hosts-name-twice-different", S("extra_hosts", '["db:10.0.0.2", "db:10.0.0.3"]')),
    _d("env-file-twice", S("env_file", "[{path: ./a.env, required: false}, {path: ./a.env, required: false}]")),
    _d("key-image-twice", D("services/@svc/image", "busybox")),
    _d("key-environment-twice", S("environment", "{A: 1}"), D("services/@svc/environment", "{B: 2}")),
    _d("key-ports-twice", S("ports", '["18080:80"]'), D("services/@svc/ports", '["18081:80"]')),
    _d("key-deploy-resources-twice", S("deploy/resources", "{limits: {cpus: '1'}}"),
       D("services/@svc/deploy/resources", "{limits: {cpus: '2'}}")),
    _d("key-top-services-twice", D("services", "{extra: {image: busybox}}")),
    _d("key-top-volumes-twice", T("volumes/a", "{}"), D("volumes", "{b: {}}")),
    _d("key-volume-name-twice", T("volumes/cache", "{}"), D("volumes/cache", "{driver: local}")),
    _d("key-network-name-twice", T("networks/back", "{}"), D("networks/back", "{internal: true}")),
    _d("key-secret-name-twice", T("secrets/token", "{environment: A}"), D("secrets/token", "{environment: B}")),
    _d("key-in-environment-mapping", S("environment", "{DEBUG: 1, DEBUG: 0}")),
    _d("key-in-labels-mapping", S("labels", "{tier: front, tier: back}")),
    _d("key-in-healthcheck", S("healthcheck", "{test: [CMD, 'true'], interval: 5s, interval: 10s}")),
    _d("key-merge-under-explicit", S("restart", "no"), S("x-base", "&base {restart: always}"), S("<<", "*base")),
    _d("service-name-twice", D("services/@svc", "{image: busybox}")),
    _d("key-in-logging-options", S("logging", "{driver: json-file, options: {max-size: 10m, max-size: 20m}}")),
    _twice("device_cgroup_rules", '"c 1:3 mr"'),
    _d("capabilities-item-twice", S("deploy", "{resources: {reservations: {devices: [{capabilities: [gpu, gpu]}]}}}")),
    _d("build-extra-hosts-item-twice", S("build", '{context: ., extra_hosts: ["db:10.0.0.2", "db:10.0.0.2"]}')),
    _d("build-tags-item-twice", S("build", "{context: ., tags: ['app:1', 'app:1']}")),
    _d("secrets-long-item-twice", S("secrets", "[{source: token, target: /run/t}, {source: token, target: /run/t}]"),
       T("secrets/token", "{environment: TOKEN}")),
    _d("network-aliases-item-twice", S("networks", "{default: {aliases: [api, api]}}")),
]
