// Fault tests run small in `npm test` and long for a release (`npm run test:faults`).
export const RELEASE = process.env.WENDA_FAULTS === 'release';

/** The CI size of a fault test, or its release size under `npm run test:faults`. */
export function faultScale(ci: number, release: number): number {
  return RELEASE ? release : ci;
}
