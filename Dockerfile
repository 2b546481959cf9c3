# scamwarn in a container: the bot (`scamwarn run`, the default) or the
# HTTP checker alone (`scamwarn serve`). README: "Run it on a server".
#
#   docker build -t scamwarn .
#   docker run -d --name scamwarn --env-file /etc/scamwarn/scamwarn.env \
#     -v scamwarn-data:/var/lib/scamwarn -p 127.0.0.1:8080:8080 \
#     --stop-timeout 30 --restart unless-stopped scamwarn
#
# Needs BuildKit (the default builder since Docker 23) for the cache mounts.
# There is deliberately no "# syntax=" line: the built-in Dockerfile
# frontend supports RUN --mount, and the build then needs no image beyond
# the two below.

# ---- build: cgo is needed for github.com/mattn/go-sqlite3 -----------------
FROM golang:1.26-bookworm AS build
WORKDIR /src
ENV CGO_ENABLED=1
# Modules first, so that a change of code does not fetch them again.
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod \
    go mod download
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -trimpath -ldflags="-s -w" -o /out/scamwarn ./cmd/scamwarn

# ---- run: glibc (the binary links it through cgo) and CA certificates -----
# Rules, replies, tips and the tz database are embedded in the binary, so
# nothing else is installed.
FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 scamwarn \
    && useradd --system --uid 10001 --gid scamwarn --no-create-home \
       --home-dir /var/lib/scamwarn --shell /usr/sbin/nologin scamwarn \
    && install -d -o scamwarn -g scamwarn -m 0700 /var/lib/scamwarn
COPY --from=build /out/scamwarn /usr/local/bin/scamwarn

# The database (and its -wal and -shm files) lives in the volume. It holds
# the HMAC secret that keys every stored hash: back it up and guard it.
ENV SCAMWARN_DB=/var/lib/scamwarn/scamwarn.db \
    SCAMWARN_HTTP=:8080
VOLUME ["/var/lib/scamwarn"]
WORKDIR /var/lib/scamwarn
USER 10001:10001

# 8080: the check API, the page, /healthz, /readyz and /metrics
# (SCAMWARN_HTTP; set it empty to turn them off). Publish it on a loopback
# or private address only: /metrics has no token.
# 8443: the Telegram webhook server, only with SCAMWARN_WEBHOOK_URL set
# (SCAMWARN_WEBHOOK_LISTEN), behind your TLS proxy.
EXPOSE 8080 8443

# No HEALTHCHECK: the image has no HTTP client (curl would be the only
# reason to carry one), and the HTTP address can be moved or turned off
# through SCAMWARN_HTTP, so a check baked in here could probe the wrong
# place. Let the orchestrator probe GET /healthz (liveness) and GET /readyz
# (readiness: the database and each platform) on port 8080.

# On SIGTERM the bot stops polling, lets replies in flight finish (10 s at
# most) and confirms the last Telegram update. Docker waits only 10 s
# before SIGKILL by default: give it more with --stop-timeout 30 (docker
# run) or stop_grace_period: 30s (compose).
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/scamwarn"]
CMD ["run"]
