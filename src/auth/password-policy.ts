import { Injectable } from '@nestjs/common';
import type { ZxcvbnFactory, ZxcvbnResult } from '@zxcvbn-ts/core';

/** NIST SP 800-63B: at least 12 characters here (8 is its floor), and up to 256 allowed. */
export const MIN_PASSWORD_LENGTH = 12;
/** zxcvbn's 0-4: 3 is "safely unguessable", some 10^8 guesses and more. */
const MIN_SCORE = 3;

/**
 * Whether a password a person chose may be used (NIST SP 800-63B, 5.1.1.2): long enough, not on
 * the lists of common and breached passwords, not built from the username, not a keyboard walk,
 * repetition or date. zxcvbn-ts does the judging with its dictionaries; no composition rules.
 */
@Injectable()
export class PasswordPolicy {
  /** Loaded when first needed: its dictionaries take seconds to load, and most starts need none. */
  private zxcvbn: Promise<ZxcvbnFactory> | undefined;

  /** Why the password is refused, or null when it may be used. */
  async problemWith(
    password: string,
    user: { username: string; displayName?: string },
  ): Promise<string | null> {
    if ([...password].length < MIN_PASSWORD_LENGTH) {
      return `must be at least ${MIN_PASSWORD_LENGTH} characters long`;
    }
    const inputs = [user.username, ...(user.displayName ? user.displayName.split(/\s+/) : [])];
    // Without the username and names in it, a password must still be long enough on its own.
    let rest = password.toLowerCase();
    for (const input of inputs)
      if (input.length >= 3) rest = rest.replaceAll(input.toLowerCase(), '');
    if ([...rest].length < MIN_PASSWORD_LENGTH) return 'must not be built on your username or name';
    this.zxcvbn ??= loadZxcvbn();
    const result = (await this.zxcvbn).check(password.slice(0, 256), inputs);
    if (isCommon(result)) return 'is a common or breached password: choose another';
    if (result.score < MIN_SCORE) {
      const hint = result.feedback.warning ?? result.feedback.suggestions[0];
      return `is too easy to guess${hint ? ` (${hint.replace(/\.$/, '').toLowerCase()})` : ''}: a longer phrase of unrelated words is best`;
    }
    return null;
  }
}

async function loadZxcvbn(): Promise<ZxcvbnFactory> {
  const [{ ZxcvbnFactory }, common, english] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]);
  return new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
}

/** The whole password, or all but a few characters of it, is one entry of the password lists. */
function isCommon(result: ZxcvbnResult): boolean {
  return result.sequence.some(
    (match) =>
      match.pattern === 'dictionary' &&
      match.dictionaryName === 'passwords' &&
      match.token.length >= result.password.length - 2,
  );
}
