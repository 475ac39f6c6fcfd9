import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.ts';

describe('passwordProblem', () => {
  it.each([
    ['a long password of letters and digits', 'lantern42harbor', null],
    ['the demo scheme', 'demo-operator-2021', null],
    ['Chinese characters and digits', '政务公开平台密码2026', null],
    ['nine characters', 'abcde1234', '至少 10 个字符'],
    ['letters only', 'abcdefghijkl', '两类'],
    ['digits only', '123456789012', '两类'],
    ['one character repeated', 'aaaaaaaa11', '同一个字符'],
    ['the username inside', 'Zhangwei-2026', '用户名'],
    ['over 200 characters', `a1${'b'.repeat(199)}`, '最长'],
  ])('%s', (_case, password, problem) => {
    const found = passwordProblem(password, 'zhangwei');
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });
});
