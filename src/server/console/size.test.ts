import { describe, expect, it } from 'vitest';
import { staticImports } from './size.ts';

describe('staticImports', () => {
  it.each([
    ['a named import', 'import{a as b}from"./jsx-runtime-Bm.js";', ['jsx-runtime-Bm.js']],
    ['a side-effect import', 'import "./style-x1.js";', ['style-x1.js']],
    ['a re-export', "export { x } from './client-9.js';", ['client-9.js']],
    ['a dynamic import is not static', 'const P=()=>import(`./CasePage-D0.js`)', []],
    ['two imports of one chunk count once', 'import"./a.js";import{b}from"./a.js";', ['a.js']],
    ['a package import is not a chunk', 'import React from "react";', []],
  ])('%s', (_situation, code, expected) => {
    expect(staticImports(code)).toEqual(expected);
  });
});
