/** The `type` URI a problem response carries for a catalogue entry (functions/core/platform/problem-types.ts). */
import { PROBLEM, type ProblemName, problemTypeUri } from '#core/platform/problem-types';

export const problemType = (name: ProblemName) => problemTypeUri(PROBLEM[name]);
