/** The one source of randomness (a CSPRNG in production), a port so the core stays pure. */
export interface Random {
  bytes(length: number): Uint8Array;
  /** Uniform integer in [0, max). */
  int(max: number): number;
}
