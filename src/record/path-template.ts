/**
 * `/campaigns/0b7c…/sending-status` → `/campaigns/{id}/sending-status`, for the recording's
 * readers and for error messages. Instantly's own path words are lowercase letters and hyphens
 * (`sending-status`, `warmup-analytics`); anything else in a segment (digits, `@`, `%`, dots,
 * capitals) is an id. The template is informational: replay matches the concrete path.
 */
export function pathTemplate(path: string): string {
  return path
    .split('/')
    .map((segment) => (segment === '' || /^[a-z][a-z_-]*$/.test(segment) ? segment : '{id}'))
    .join('/');
}
