/**
 * The suppression list and the reputation alarms (issue #16), shown on the feedback screen; a short
 * summary of both for the dashboard's "Bounces and complaints" card. Being built.
 */
export function SuppressionPanel() {
  return null;
}

export function AlarmsPanel() {
  return null;
}

export function SuppressionSummary() {
  return null;
}
