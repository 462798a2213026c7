export interface PasswordHasher {
  /** Off the event loop: hashing never stalls other requests. */
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
  /** True when the hash was made with weaker parameters than today's and should be re-made. */
  needsRehash(hash: string): boolean;
}
