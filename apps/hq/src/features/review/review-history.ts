/** History entries the review writes (besides the lifecycle's own events), named for the timeline. */
export const reviewEventTypes = ['review_approve', 'review_confirm_by_phone', 'review_call_confirmed'] as const;
export type ReviewEventType = (typeof reviewEventTypes)[number];

export function isReviewEventType(type: string): type is ReviewEventType {
  return (reviewEventTypes as readonly string[]).includes(type);
}

/** The reason a review entry carries (why the customer is to be called), if any. */
export function reviewReasonOf(details: Record<string, unknown>): string | null {
  return typeof details.reason === 'string' ? details.reason : null;
}
