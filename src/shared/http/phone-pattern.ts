/** A phone number as people write it: digits with spaces, dots, dashes, parentheses, a leading +. */
export const PHONE_PATTERN = /^[+\d(][\d\s().-]{5,30}$/;
