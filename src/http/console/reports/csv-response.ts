import type { Context } from 'hono';
import type { HttpEnv } from '../../env.js';

/** Lines are sent in chunks of about this many bytes: fewer writes, and memory stays flat. */
const chunkBytes = 16 * 1024;

/**
 * Streams CSV lines as a download. Lines are pulled only as fast as the client reads, so a
 * large export neither sits in memory nor holds a database connection longer than one batch.
 */
export function csvDownload(c: Context<HttpEnv>, lines: AsyncGenerator<string>, filename: string): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      let chunk = '';
      while (chunk.length < chunkBytes) {
        const next = await lines.next();
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += next.value;
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  return c.body(stream, 200, {
    'content-type': 'text/csv; charset=utf-8; header=present',
    'content-disposition': `attachment; filename="${filename}"`,
    'cache-control': 'no-store',
  });
}
