import type { ActionPlanStatus, ActionStatus, NetworkMaturity } from '@maillage/contracts';

// Dark shades: white text on filled badges and coloured text on light ones stay above 4.5:1.

/** The stages from the first steps to autonomy, cool to warm. */
export const MATURITY_COLORS: Record<NetworkMaturity, string> = {
  emergence: 'gray.7',
  creation: 'cyan.9',
  development: 'blue.9',
  autonomy: 'teal.9',
};

export const ACTION_STATUS_COLORS: Record<ActionStatus, string> = {
  planned: 'gray.7',
  in_progress: 'blue.8',
  done: 'teal.9',
  cancelled: 'dark',
};

export const PLAN_STATUS_COLORS: Record<ActionPlanStatus, string> = { draft: 'gray.7', active: 'blue.8', closed: 'dark' };
