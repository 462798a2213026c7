/** A message for one person, already in their language. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Delivers e-mail: SMTP in production, the development outbox otherwise. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}
