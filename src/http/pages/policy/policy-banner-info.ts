/**
 * What the 2FA deadline banner says: the deadline, in the zone it was set in, and the days left.
 * It imports nothing, so the request's context types can name it without a cycle back to pages.
 */
export interface PolicyBannerInfo {
  deadline: Date;
  timeZone: string;
  daysLeft: number;
}
