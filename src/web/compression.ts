import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Brotli or gzip for every text answer a client asks it for (decision 024): pages, htmx fragments, JSON,
 * problem+json, CSV, iCalendar, SVG; @fastify/compress tells them by media type (text/* but event streams,
 * JSON, XML, and what mime-db calls compressible), so XLSX, PDF and woff2 go as they are, and it leaves what
 * static serving sends precompressed. Streams (the CSV
 * downloads) are compressed as they flow. Registered before any route: it adds its hook to each route as it
 * is made. Request bodies are not decompressed: no client of ours sends them compressed, and a small gzip
 * upload would otherwise unpack past the body limit's sense.
 */
export const compression = fp(async (app: FastifyInstance) => {
  await app.register(fastifyCompress, {
    global: true,
    globalDecompression: false,
    // zstd is experimental in Node 22; deflate is gzip's older, ambiguous sibling
    encodings: ['br', 'gzip'],
    // below 1 KB the headers and the work outweigh the saving
    threshold: 1024,
  });
});
