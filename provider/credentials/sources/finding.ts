// What each base source of the credential precedence (precedence.ts) is: a small function of the stack's
// settings and the environment, with one signature, tried in order until one finds its settings.

import { type SettingProblem } from "../../errors";
import { type Environment } from "../../settings/environment";
import { type StackSettings } from "../../settings/stackSettings";
import { type BaseSource } from "../source";

/** What a source looks at, and where it reports settings that are set but wrong. */
export interface SourceSettings {
    stack: StackSettings;
    env: Environment;
    problems: SettingProblem[];
}

/**
 * What looking for one kind of credentials found: the source; or nothing set, in words saying what
 * was looked for (for the default chain's "tried: …"); or settings that are set but wrong, which
 * stops the search (a key without its secret is an error, not a silent fall-back to the next source).
 */
export type Finding = { source: BaseSource } | { unset: string } | { refused: true };

/** One base source of the precedence. */
export type SourceFinder = (settings: SourceSettings) => Finding;

/** The finding of settings that are set but wrong; the problems are already reported. */
export const REFUSED: Finding = { refused: true };
