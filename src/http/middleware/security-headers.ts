import type { MiddlewareHandler } from 'hono';

/**
 * Strict headers on every answer. No inline script or style is allowed anywhere: every asset is
 * a file we serve. Authenticated answers must never be cached, so nothing but /assets is.
 */
export function securityHeaders(options: { secure: boolean }): MiddlewareHandler {
  const csp = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "manifest-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
  return async function securityHeadersMiddleware(c, next) {
    await next();
    const h = c.res.headers;
    h.set('content-security-policy', csp);
    h.set('x-content-type-options', 'nosniff');
    h.set('x-frame-options', 'DENY');
    // Reset links carry a token in the URL: no page of ours may leak its address to another site.
    // `same-origin`, not `no-referrer`: under no-referrer browsers send "Origin: null" with our own
    // form posts, which the origin check must refuse.
    h.set('referrer-policy', 'same-origin');
    h.set('cross-origin-opener-policy', 'same-origin');
    h.set('cross-origin-resource-policy', 'same-origin');
    h.set('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    if (options.secure) h.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (!c.req.path.startsWith('/assets/')) h.set('cache-control', 'no-store');
  };
}
