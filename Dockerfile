# Briefbot: one image for `serve` (chat adapters + worker + schedulers) and `worker` (workers only).
# Build: docker build -t briefbot .   Run: see compose.yaml (Redis, one serve, scalable workers).
# The image needs an external Redis (REDIS_URL): it has no redis-server for the embedded one.
ARG NODE_IMAGE=node:24-bookworm-slim

# --- production dependencies only ---------------------------------------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: no install script is needed (package.json allowScripts: msgpackr-extract's native build and
# @swc/core stay off; msgpackr-extract's prebuilt linux binary comes as an optional dependency).
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

# --- runtime --------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE}
# tini as PID 1: forwards SIGTERM to node (graceful shutdown, SHUTDOWN_GRACE_MS) and reaps zombies, so neither
# `docker run --init` nor compose `init: true` is needed.
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
  BRIEFBOT_DATA_DIR=/home/node/data
WORKDIR /app
# Root-owned and read-only for the `node` user: the process cannot change its own code.
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json ./
COPY bin ./bin
COPY src ./src
COPY prompts ./prompts
COPY seeds ./seeds
USER node
# 3000: Slack HTTP receiver and serve's /healthz, /readyz, /metrics (PORT); 9464: a worker's (HTTP_PORT).
EXPOSE 3000 9464
ENTRYPOINT ["/usr/bin/tini", "--"]
# No curl in slim images: Node's fetch. Healthy when /healthz answers 2xx on HTTP_PORT, PORT (serve) or 9464
# (worker), whichever the role listens on.
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "const ports = [process.env.HTTP_PORT, process.env.PORT || '3000', '9464'].filter(Boolean); Promise.any(ports.map((port) => fetch('http://127.0.0.1:' + port + '/healthz', { signal: AbortSignal.timeout(4000) }).then((response) => { if (!response.ok) throw new Error(String(response.status)); }))).then(() => process.exit(0), () => process.exit(1));"]
CMD ["node", "bin/briefbot.js", "serve"]
