/** The `type` URI a problem response carries for a catalogue entry (functions/core/problem-types.ts). */
import { PROBLEM, type ProblemName, problemTypeUri } from '#core/problem-types';

export const problemType = (name: ProblemName) => problemTypeUri(PROBLEM[name]);
