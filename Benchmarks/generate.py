#!/usr/bin/env python3
"""Generates the benchmark inputs: one Compose file with N services and a folder of M small files.

Usage: generate.py OUT_DIR [--services 5000] [--files 10000]
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

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--services", type=int, default=5000)
    parser.add_argument("--files", type=int, default=10000)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, f"compose-{args.services}.yaml"), "w") as f:
        f.write("services:\n")
        for i in range(args.services):
            f.write(service(i))
    small = os.path.join(args.out, f"small-{args.files}")
    for i in range(args.files):
        folder = os.path.join(small, f"d{i // 500:03d}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"compose{i:05d}.yaml"), "w") as f:
            f.write("services:\n" + service(0) + service(1))

if __name__ == "__main__":
    main()
