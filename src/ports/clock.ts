/** The one source of time. Read once at the top of a use case; tests pass a fixed or moving clock. */
export interface Clock {
  now(): Date;
}
