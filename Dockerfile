# A small runtime image whose entry point is stackc: `docker run --rm -v "$PWD:/src" stackc lint .`
# The build stage makes the same binary as `make dist` (Swift runtime, libyaml and libstdc++ linked in);
# the runtime stage adds only what `submit`, `sign` and `trigger` open at run time (libcurl with OpenSSL)
# and the CA certificates they verify servers with.
ARG SWIFT_IMAGE=swift:6.3-bookworm
ARG RUNTIME_IMAGE=debian:bookworm-slim

FROM ${SWIFT_IMAGE} AS build
# Debian's stable packages, unpinned on purpose: a pin to one point release breaks the build when the
# archive moves on, and a stable release only gets fixes.
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends libyaml-dev libcurl4-openssl-dev libssl-dev pkg-config \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /build
# The whole package (the manifest names the test targets too); .dockerignore keeps build folders out.
COPY . .
RUN scripts/release-build.sh \
 && install -D -m 0755 "$(scripts/release-build.sh --show-bin-path)/stackc" /out/stackc

FROM ${RUNTIME_IMAGE}
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends libcurl4 ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --no-create-home stackc
COPY --from=build /out/stackc /usr/local/bin/stackc
USER 10001
WORKDIR /src
ENTRYPOINT ["stackc"]
CMD ["--help"]
