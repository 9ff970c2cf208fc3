# Multi-stage build: compile with dev dependencies, run with production ones, as a non-root user.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
RUN npx tsc -p tsconfig.json && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production TRAWL_CHROMIUM_PATH=/usr/bin/chromium
# Chromium renders JavaScript-only pages and runs navigation jobs (launched on first use).
RUN apt-get update && apt-get install -y --no-install-recommends chromium && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/src ./dist/src
COPY --from=build /app/src/server/dashboard/public ./src/server/dashboard/public
COPY package.json ./
USER node
EXPOSE 4000
CMD ["node", "dist/src/cli/main.js", "api"]
