import type { Context } from 'hono';

/** Seconds a client should wait before trying again: about what a database restart takes. */
const retryAfterSeconds = 5;

/**
 * PostgreSQL error classes 08 (connection exception) and 57P (operator intervention: shutdown,
 * crash, cannot connect now), and the socket errors of a server that is away.
 */
const unavailableCodes = /^(08...|57P0[1-4]|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND)$/;
const unavailableMessages =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|not queryable/;

/** Whether an error says the database is away (restarting, failing over), not that a query was wrong. */
export function isStoreUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && unavailableCodes.test(code)) return true;
  if (unavailableMessages.test(error.message)) return true;
  return error.cause !== undefined && error.cause !== error && isStoreUnavailable(error.cause);
}

/** 503 with Retry-After: nothing was changed, and the same request will work once the database is back. */
export function storeUnavailable(c: Context): Response {
  const body = {
    type: 'https://twostep.dev/problems/store-unavailable',
    title: 'Service Unavailable',
    status: 503,
    detail: 'The service is briefly unavailable. Please try again in a few seconds.',
    code: 'store_unavailable',
  };
  return c.body(JSON.stringify(body), 503, {
    'content-type': 'application/problem+json',
    'cache-control': 'no-store',
    'retry-after': String(retryAfterSeconds),
  });
}
