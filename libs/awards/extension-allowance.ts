/**
 * The COVID-19 extension months an award has left under its programme's maximum: the approved ones
 * count, a pending request does not (only one may wait at a time, and its approval is checked against
 * what is left then). The rule a request and its approval are held to (ExtensionsService), and what an
 * award's answer says is left (`extensionMonthsLeft`).
 */
export function extensionMonthsLeft(maxCovidExtensionMonths: number, approvedExtensionMonths: number): number {
  return Math.max(0, maxCovidExtensionMonths - approvedExtensionMonths);
}
