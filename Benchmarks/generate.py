#!/usr/bin/env python3
"""Generates the benchmark inputs: one Compose file with N services, a folder of M small files, and
Compose projects of several files (an override, an `extends` base in another file, an `include`d
project with its own `.env`, a service env file), as one project of N services or P small ones.

Usage: generate.py OUT_DIR [--services 5000] [--files 10000] [--project-services N] [--projects P]
Deterministic: the same arguments give the same bytes.
"""
import argparse, os

def service(i):
    return (f"  svc{i}:\n"
            f"    image: registry.example.com/team/app{i % 97}:1.{i % 13}\n"
            f"    restart: unless-stopped\n"
            f"    environment:\n"
            f"      - LOG_LEVEL=info\n"
            f"      - INSTANCE={i}\n"
            f"    ports:\n"
            f"      - \"{10000 + i}:80\"\n"
            + (f"    depends_on: [svc{i - 1}]\n" if i > 0 else "")
            + f"    labels:\n"
            f"      com.example.team: \"t{i % 7}\"\n"
            f"    deploy:\n"
            f"      replicas: {1 + i % 3}\n"
            f"      resources:\n"
            f"        limits: {{cpus: \"0.5\", memory: 256m}}\n")

def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)

def project(folder, services):
    """A project as Compose users split one: every service's override in compose.override.yaml, every
    other one extending common.yaml, a tenth of its size included from sub/ (whose .env it keeps)."""
    included = max(1, services // 10)
    base = ["include:\n  - sub/compose.yaml\nservices:\n"]
    override = ["services:\n"]
    for i in range(services):
        text = service(i).replace("image: registry", "image: ${REGISTRY:-registry}")
        if i % 2:
            text += "    extends: {file: common.yaml, service: base}\n"
        if i % 5 == 0:
            text += "    env_file: [app.env]\n"
        base.append(text)
        override.append(f"  svc{i}:\n    environment:\n      - INSTANCE={i}-override\n    ports:\n      - \"{30000 + i}:81\"\n")
    write(os.path.join(folder, "compose.yaml"), "".join(base))
    write(os.path.join(folder, "compose.override.yaml"), "".join(override))
    write(os.path.join(folder, "common.yaml"),
          "services:\n  base:\n    restart: always\n    labels:\n      com.example.tier: backend\n    healthcheck:\n"
          "      test: [\"CMD\", \"true\"]\n      interval: 30s\n")
    write(os.path.join(folder, "app.env"), "LOG_FORMAT=json\nFEATURE_FLAGS=a,b,c\n")
    write(os.path.join(folder, "sub", ".env"), "SUB_TAG=2.1\n")
    write(os.path.join(folder, "sub", "compose.yaml"),
          "services:\n" + "".join(f"  sub{i}:\n    image: registry.example.com/team/sub:${{SUB_TAG:-2.1}}\n    restart: always\n"
                                  for i in range(included)))

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--services", type=int, default=5000)
    parser.add_argument("--files", type=int, default=10000)
    parser.add_argument("--project-services", type=int, default=0, help="one project of this many services")
    parser.add_argument("--projects", type=int, default=0, help="this many projects of 10 services, in one folder")
    args = parser.parse_args()
    if args.project_services:
        project(os.path.join(args.out, f"project-{args.project_services}"), args.project_services)
    for p in range(args.projects):
        project(os.path.join(args.out, f"projects-{args.projects}", f"p{p:03d}"), 10)
    if args.services:
        write(os.path.join(args.out, f"compose-{args.services}.yaml"), "services:\n" + "".join(service(i) for i in range(args.services)))
    small = os.path.join(args.out, f"small-{args.files}")
    for i in range(args.files):
        folder = os.path.join(small, f"d{i // 500:03d}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"compose{i:05d}.yaml"), "w") as f:
            f.write("services:\n" + service(0) + service(1))

if __name__ == "__main__":
    main()
