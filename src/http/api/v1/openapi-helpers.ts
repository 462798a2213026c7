import { type RouteConfig, z } from '@hono/zod-openapi';
import { Problem } from './schemas.js';

const problemContent = { 'application/problem+json': { schema: Problem } };

/** Standard problem answers, so each route lists only what it adds. */
export function problems(...statuses: number[]): RouteConfig['responses'] {
  const described: Record<number, string> = {
    400: 'Bad input',
    401: 'Not signed in',
    403: 'Forbidden, cross-origin, or `sudo_required`',
    404: 'Not found',
    409: 'Conflict',
    422: 'Refused value (for example a password on the common-password list)',
    429: 'Rate limited; see `Retry-After`',
    503: '`delivery_failed`: the code could not be sent; try another method',
  };
  return Object.fromEntries(
    statuses.map((s) => [s, { description: described[s] ?? 'Error', content: problemContent }]),
  );
}

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { body: { content: { 'application/json': { schema } }, required: true } };
}

export function jsonAnswer<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

export const noContent = { description: 'Done' };
export { z };
