/** The private page of an opportunity's mini-grappe (its supporter may not see the opportunity itself; the cockpit links here). */
export function opportunityGroupPath(opportunityId: string): string {
  return `/opportunites/${encodeURIComponent(opportunityId)}/mini-grappe`;
}
