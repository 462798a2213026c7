import type { MiddlewareHandler } from 'hono';
import type { HttpEnv } from '../env.js';
import { problem } from '../problem.js';

const jsonType = /^application\/([\w.-]+\+)?json$/i;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The API speaks JSON only. A body of another type is refused with 415, and a JSON body that is
 * not valid UTF-8 with 400: `Request#json()` would otherwise turn bad bytes into U+FFFD, so two
 * different byte strings could arrive as one value.
 */
export function jsonBodyOnly(): MiddlewareHandler<HttpEnv> {
  return async function jsonBodyOnlyMiddleware(c, next) {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.length === 0) return next();
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim();
    if (!jsonType.test(type)) {
      return problem(c, c.get('locale'), {
        code: 'unsupported_media_type',
        status: 415,
        detail: 'Send the body as application/json.',
      });
    }
    try {
      strictUtf8.decode(bytes);
    } catch {
      return problem(c, c.get('locale'), { code: 'invalid_input', detail: 'The body is not valid UTF-8.' });
    }
    return next();
  };
}
