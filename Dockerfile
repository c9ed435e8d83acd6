# Production image: compiled JavaScript, external PostgreSQL (DATABASE_URL), no embedded database.
# .dockerignore keeps node_modules, dist, data and .git out of the build context.
# test/integration/spine/compiled-start.test.ts runs the runtime stage's layout (its COPY --from=build lines).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY --from=build /app/dist ./dist
COPY --from=build /app/schema.graphql ./schema.graphql
COPY --from=build /app/web ./web
COPY --from=build /app/demo/content ./demo/content
COPY --from=build /app/ingest/source-catalogue.json ./ingest/source-catalogue.json
# The PDF reader's worker is an ES module that tsc does not copy.
COPY --from=build /app/ingest/attachments/pdf-worker.mjs ./dist/ingest/attachments/pdf-worker.mjs
USER node
EXPOSE 4000
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/src/main.js"]
