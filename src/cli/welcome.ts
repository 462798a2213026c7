/**
 * The one line `npm start` prints for the person at the terminal, beside the JSON logs kept for
 * machines: where to open Twostep, and where the development outbox is when it stands in for mail.
 */
export function welcomeLine(publicUrl: string, devOutbox: boolean): string {
  const outbox = devOutbox ? ` (messages it sends show up at ${publicUrl}/dev/outbox)` : '';
  return `Twostep is running at ${publicUrl} — open it in your browser${outbox}.\n`;
}
