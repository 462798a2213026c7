/** How many users have two-factor authentication, overall and by method type. */
export interface AdoptionFigures {
  /** Accounts that are not disabled. */
  users: number;
  /** Of those, the ones with at least one active method. */
  withTwoFactor: number;
  /** Users with at least one active method of the type; a user with two types counts in both. */
  byMethod: Record<string, number>;
}

export interface OrganizationAdoption {
  organizationId: string;
  name: string;
  users: number;
  withTwoFactor: number;
}

/** The figures of one UTC day, taken once. */
export interface AdoptionSnapshot extends AdoptionFigures {
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  takenAt: Date;
}
