# trawl image: one image for every role (`api`, `worker`, `up`), chosen by the command.
# Multi-stage: compile with dev dependencies, run with production ones, as a non-root user.
# Checked offline by test/deploy/dockerfile.test.ts (see deploy/README.md).

# Pinned to the Node line the project runs on (package.json engines, pinnedVersionsWhy).
ARG NODE_IMAGE=node:20.20.2-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Toolchain for better-sqlite3 when no prebuilt binary matches.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
# Build, then drop dev dependencies so the runtime stage copies production ones only.
RUN npx tsc -p tsconfig.json && npm prune --omit=dev

FROM ${NODE_IMAGE} AS runtime
# TRAWL_CHROMIUM_PATH: Chromium renders JavaScript-only pages and runs navigation jobs (launched on first use).
# HOST: listen beyond loopback inside the container; the API then refuses to start without TRAWL_API_KEYS.
# TRAWL_WORKER_HOST: the worker's health/metrics server must be reachable by probes from outside the container.
ENV NODE_ENV=production \
    TRAWL_CHROMIUM_PATH=/usr/bin/chromium \
    HOST=0.0.0.0 \
    PORT=4000 \
    TRAWL_WORKER_HOST=0.0.0.0 \
    TRAWL_WORKER_PORT=9464 \
    TRAWL_QUEUE_PREFIX={trawl} \
    TRAWL_LOG_FORMAT=json \
    TRAWL_DATA_DIR=/app/data
RUN apt-get update && apt-get install -y --no-install-recommends chromium && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/src ./dist/src
# The dashboard's static files are read at run time from src/server/dashboard/public under the package root.
COPY --from=build /app/src/server/dashboard/public ./src/server/dashboard/public
COPY package.json ./
# SQLite store and single-machine Redis files (TRAWL_DATA_DIR), writable by the non-root user.
RUN mkdir -p /app/data && chown node:node /app/data
# The `node` user (uid 1000) of the official image; Kubernetes manifests set runAsUser 1000 to match.
USER node
EXPOSE 4000 9464
# Liveness of whichever role runs: the API on PORT, else the worker's health server on TRAWL_WORKER_PORT.
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "const live=(p)=>fetch('http://127.0.0.1:'+p+'/health/live').then((r)=>{if(!r.ok)throw new Error(r.status)});live(process.env.PORT).catch(()=>live(process.env.TRAWL_WORKER_PORT)).then(()=>process.exit(0),()=>process.exit(1))"]
CMD ["node", "dist/src/cli/main.js", "api"]
