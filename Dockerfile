# syntax=docker/dockerfile:1
# Build stage: install everything, build etl + backend (tsc) and the frontend (vite).
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
COPY etl/package.json etl/
COPY backend/package.json backend/
COPY frontend/package.json frontend/
COPY sample-data/package.json sample-data/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

# Runtime stage: the built app, production dependencies, sample data; runs as a non-root user.
FROM node:20-slim
ENV NODE_ENV=production PORT=3000 DVK_DATA_DIR=/app/data
WORKDIR /app
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
VOLUME ["/app/data"]
CMD ["node", "backend/dist/main.js", "--seed", "sample-data/files"]
