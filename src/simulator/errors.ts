/** Instantly's error bodies (docs/instantly-api.md, "Errors"). */
export const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export function envelope(status: number, message: string): Reply {
  return { status, body: { statusCode: status, error: STATUS_TEXT[status] ?? 'Error', message } };
}

export const MESSAGES = {
  missingAuth: 'Missing Authorization header',
  invalidKey: 'Invalid API key',
  noPlan: 'Workspace does not have an active paid plan',
  rateLimited: 'Rate limit exceeded',
  tooLarge:
    'Analytics request is too large for this workspace. Add an emails filter or request a smaller date range.',
  rangeTooLong: 'Analytics date range cannot exceed 31 days',
  startAfterEnd: 'Start Date must be earlier than End Date',
  noEmails: 'Bad request - no emails sent',
} as const;

/** A Cloudflare-style block page (the CDN quirk in docs/instantly-api.md, "Errors": HTML, not JSON). */
export const CLOUDFLARE_403_HTML = `<!DOCTYPE html>
<html lang="en-US"><head><title>Access denied | api.instantly.ai used Cloudflare to restrict access</title></head>
<body><div id="cf-wrapper"><h1>Error 1010</h1><p>Access denied</p>
<p>The owner of this website (api.instantly.ai) has banned your access based on your browser's signature.</p>
<p>Cloudflare Ray ID: 8f1c2a3b4c5d6e7f</p></div></body></html>
`;
