/** Characters people put in a phone number as they type or read it out. */
const PHONE_TYPED = /^[\d\s().+/-]+$/;

/**
 * What `/lookup` searches for: a phone number however it is spelled ("(201) 555-0100",
 * "+1 201 555 0100", "201.555.0100") becomes its digits, which the details view indexes whole, without
 * country code and without area code; so every spelling finds the same orders, ranked the same.
 * Anything else is searched as typed.
 */
export function lookupText(q: string): string {
  if (q.length > 40 || !PHONE_TYPED.test(q)) return q;
  const digits = q.replace(/\D/g, '');
  if (digits.length < 7) return q;
  // A leading country code 1 (NANP) that the stored number may lack: the last ten digits match.
  return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
}
