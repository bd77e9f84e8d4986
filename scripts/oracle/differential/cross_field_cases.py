"""Class `cross_field`: rules between two fields or two services — `network_mode` with `networks`,
`container_name` with more than one container, `scale` against `deploy.replicas`, a secret's or
config's source, `external` with settings, `gpus` counts, profiles of dependencies."""

from functools import partial

from .mutation import S, T, X, Template

# A template of this class: _x(name, *edits, **options).
_x = partial(Template, "cross_field")

TEMPLATES = [
    _x("network-mode-with-networks", S("network_mode", "host"), S("networks", "[default]")),
    _x("network-mode-alone", S("network_mode", "host"), X("networks")),
    _x("network-mode-with-ports", S("network_mode", "host"), X("networks"), S("ports", '["18080:80"]')),
    _x("network-mode-none-with-networks", S("network_mode", "none"), S("networks", "{default: {}}")),
    _x("container-name-twice", S("container_name", "shared"), T("services/@other/container_name", "shared")),
    _x("container-name-distinct", S("container_name", "first"), T("services/@other/container_name", "second")),
    _x("container-name-with-scale", S("container_name", "single"), S("scale", "2")),
    _x("container-name-with-replicas", S("container_name", "single"), S("deploy", "{replicas: 3}")),
    _x("container-name-with-one-replica", S("container_name", "single"), S("deploy", "{replicas: 1}")),
    _x("scale-differs-from-replicas", S("scale", "2"), S("deploy", "{replicas: 3}")),
    _x("scale-equals-replicas", S("scale", "2"), S("deploy", "{replicas: 2}")),
    _x("scale-zero", S("scale", "0")),
    _x("scale-negative", S("scale", "-1")),
    _x("replicas-negative", S("deploy", "{replicas: -1}")),
    _x("secret-no-source", S("secrets", "[token]"), T("secrets/token", "{labels: {a: b}}")),
    _x("secret-two-sources", S("secrets", "[token]"), T("secrets/token", "{environment: TOKEN, external: true}")),
    _x("secret-environment", S("secrets", "[token]"), T("secrets/token", "{environment: TOKEN}")),
    _x("secret-file-and-environment", S("secrets", "[token]"), T("secrets/token", "{environment: TOKEN, file: ./t}")),
    _x("config-no-source", S("configs", "[settings]"), T("configs/settings", "{name: settings}")),
    _x("config-two-sources", S("configs", "[settings]"), T("configs/settings", "{content: x, environment: SETTINGS}")),
    _x("config-content", S("configs", "[settings]"), T("configs/settings", "{content: x}")),
    _x("volume-external-with-driver", S("volumes", '["cache:/cache"]'), T("volumes/cache", "{external: true, driver: local}")),
    _x("volume-external-with-name", S("volumes", '["cache:/cache"]'), T("volumes/cache", "{external: true, name: shared-cache}")),
    _x("volume-external-with-labels", S("volumes", '["cache:/cache"]'), T("volumes/cache", "{external: true, labels: {a: b}}")),
    _x("network-external-with-driver", S("networks", "[shared]"), T("networks/shared", "{external: true, driver: bridge}")),
    _x("network-external-with-ipam", S("networks", "[shared]"), T("networks/shared", "{external: true, ipam: {config: [{subnet: 10.5.0.0/16}]}}")),
    _x("network-external-alone", S("networks", "[shared]"), T("networks/shared", "{external: true}")),
    _x("gpus-count-and-ids", S("deploy", "{resources: {reservations: {devices: [{driver: nvidia, count: 1, device_ids: ['0'], capabilities: [gpu]}]}}}")),
    _x("gpus-count", S("deploy", "{resources: {reservations: {devices: [{driver: nvidia, count: all, capabilities: [gpu]}]}}}")),
    _x("gpus-service-count-and-ids", S("gpus", "[{driver: nvidia, count: 1, device_ids: ['0']}]")),
    _x("depends-on-inactive-profile", S("depends_on", "[@other]"), T("services/@other/profiles", "[debug]")),
    _x("depends-on-inactive-not-required", S("depends_on", "{@other: {condition: service_started, required: false}}"),
       T("services/@other/profiles", "[debug]")),
    _x("depends-on-active-profile", S("depends_on", "[@other]"), S("profiles", "[debug]"), T("services/@other/profiles", "[debug]")),
    _x("links-inactive-profile", S("links", "[@other]"), T("services/@other/profiles", "[debug]")),
    _x("volumes-from-inactive-profile", S("volumes_from", "[@other]"), T("services/@other/profiles", "[debug]")),
    _x("network-mode-inactive-profile", S("network_mode", '"service:@other"'), X("networks"), T("services/@other/profiles", "[debug]")),
    _x("memswap-below-memory", S("mem_limit", "1g"), S("memswap_limit", "512m")),
    _x("reservation-above-limit", S("deploy", "{resources: {limits: {memory: 256M}, reservations: {memory: 1G}}}")),
    _x("healthcheck-disable-with-test", S("healthcheck", "{disable: true, test: [CMD, 'true']}")),
    _x("build-and-image", S("build", "."), S("image", "example/app:1")),
    _x("mounts-same-target", S("volumes", '["./a:/data", "./b:/data"]')),
    _x("host-port-twice", S("ports", '["18080:80"]'), T("services/@other/ports", '["18080:81"]')),
    _x("host-port-distinct", S("ports", '["18080:80"]'), T("services/@other/ports", '["18081:80"]')),
    _x("tmpfs-and-volume-same-target", S("tmpfs", "[/data]"), S("volumes", '["./data:/data"]')),
    _x("uts-host-with-hostname", S("uts", "host"), S("hostname", "web")),
    _x("cpu-count-and-cpus", S("cpu_count", "2"), S("cpus", "1.5")),
    _x("mac-address-with-networks", S("mac_address", '"02:42:ac:11:00:02"'), S("networks", "{default: {mac_address: '02:42:ac:11:00:03'}}")),
]
