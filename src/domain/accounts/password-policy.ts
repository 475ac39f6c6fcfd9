/**
 * The minimum strength of a password: at least 10 characters, at least two kinds of character
 * (letters, digits, others), not containing the username, not one character repeated.
 */

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

/** Null when the password is strong enough, else a Chinese sentence that says what to do. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `密码至少 ${MIN_PASSWORD_LENGTH} 个字符，请设置更长的密码。`;
  if (password.length > MAX_PASSWORD_LENGTH) return `密码最长 ${MAX_PASSWORD_LENGTH} 个字符。`;
  const kinds = [/\p{L}/u, /\p{Nd}/u, /[^\p{L}\p{Nd}]/u].filter((kind) => kind.test(password)).length;
  if (kinds < 2) return '密码应至少包含字母、数字、符号中的两类，请修改后重试。';
  if (new Set(password).size < 4) return '密码不能主要由同一个字符重复组成，请修改后重试。';
  if (username && password.toLowerCase().includes(username.toLowerCase()))
    return '密码不能包含用户名，请修改后重试。';
  return null;
}
