import { describe, expect, it } from 'vitest';
import { INDICATORS } from './indicators.ts';
import { type IndicatorResult, type InspectionInput, inspect } from './inspect.ts';
import { crawlAction, extractLinks, isDeadStatus, resolveLink, siteOrigins } from './links.ts';
import {
  carryFirstSeen,
  type DeadLink,
  deadReason,
  hostOf,
  planExternal,
  type StoredDeadLink,
} from './links-dead.ts';

describe('extractLinks', () => {
  it.each<[string, string, Array<[string, string, string]>]>([
    ['an anchor', '<p><a href="/agencies/x/items/7">通知</a></p>', [['a', 'href', '/agencies/x/items/7']]],
    [
      'a picture and a stylesheet',
      '<link rel="stylesheet" href="/assets/portal.css?v=1"><img src="/site-files/a.png" alt="">',
      [
        ['link', 'href', '/assets/portal.css?v=1'],
        ['img', 'src', '/site-files/a.png'],
      ],
    ],
    ['entities decoded', '<a href="/search?q=1&amp;page=2">检索</a>', [['a', 'href', '/search?q=1&page=2']]],
    [
      'upper-case tags and attributes',
      '<A HREF="https://www.gov.cn/">中国政府网</A>',
      [['a', 'href', 'https://www.gov.cn/']],
    ],
    [
      'an embedded document and a video poster',
      '<object data="/f.pdf"></object><video src="/v.mp4" poster="/p.jpg"></video>',
      [
        ['object', 'data', '/f.pdf'],
        ['video', 'src', '/v.mp4'],
        ['video', 'poster', '/p.jpg'],
      ],
    ],
    ['an anchor without an address, an empty one', '<a name="top">顶部</a><a href="  ">空</a>', []],
    ['a preconnect hint is no link', '<link rel="preconnect" href="https://cdn.example.com">', []],
    ['a form is not followed', '<form action="/apply" method="post"><button>提交</button></form>', []],
    [
      'broken markup still read',
      '<div><a href="/a">一<a href="/b">二</div>',
      [
        ['a', 'href', '/a'],
        ['a', 'href', '/b'],
      ],
    ],
  ])('%s', (_, html, expected) => {
    expect(extractLinks(html).map((l) => [l.tag, l.attribute, l.href])).toEqual(expected);
  });
});

describe('resolveLink', () => {
  const site = siteOrigins(['https://gk.example.gov.cn/', 'not an address']);
  it.each<[string, string, string, ReturnType<typeof resolveLink>]>([
    [
      'a path',
      '/agencies/x/items/7',
      '/agencies/x/gongkai',
      { kind: 'internal', url: '/agencies/x/items/7' },
    ],
    [
      'relative to the page',
      'guide',
      '/agencies/x/gongkai/catalog',
      { kind: 'internal', url: '/agencies/x/gongkai/guide' },
    ],
    [
      'a query kept, the fragment dropped',
      '/search?q=低保#top',
      '/',
      { kind: 'internal', url: '/search?q=%E4%BD%8E%E4%BF%9D' },
    ],
    [
      'the configured origin is internal',
      'https://gk.example.gov.cn/reports?y=1',
      '/',
      { kind: 'internal', url: '/reports?y=1' },
    ],
    [
      'another host is external',
      'https://www.gov.cn/zhengce/#a',
      '/',
      { kind: 'external', url: 'https://www.gov.cn/zhengce/' },
    ],
    [
      'the site on another scheme is external',
      'http://gk.example.gov.cn/',
      '/',
      { kind: 'external', url: 'http://gk.example.gov.cn/' },
    ],
    [
      'protocol-relative',
      '//beian.miit.gov.cn/',
      '/',
      { kind: 'external', url: 'http://beian.miit.gov.cn/' },
    ],
    ['a fragment of the page', '#main', '/agencies/x/gongkai', null],
    ['mail', 'mailto:gongkai@example.gov.cn', '/', null],
    ['a telephone number', 'tel:0631-1234567', '/', null],
    ['script', 'javascript:void(0)', '/', null],
    ['inline data', 'data:image/png;base64,AAAA', '/', null],
    ['not an address', 'http://exa mple.com', '/', null],
  ])('%s', (_, href, page, expected) => {
    expect(resolveLink(href, page, site)).toEqual(expected);
  });

  it('refuses an address longer than any server serves', () => {
    expect(resolveLink(`/search?q=${'a'.repeat(2100)}`, '/', site)).toBeNull();
  });
});

describe('crawlAction', () => {
  it.each<[string, ReturnType<typeof crawlAction>]>([
    ['/agencies/x/gongkai', 'follow'],
    ['/agencies/x/gongkai/catalog?category=a20.1&page=2', 'follow'],
    ['/agencies/x/items/7', 'follow-last'],
    ['/agencies/x/items/7?text=large', 'check'],
    ['/agencies/x/gongkai/guide/application-form.pdf', 'check'],
    ['/agencies/x/apply', 'check'],
    ['/agencies/y/gongkai', 'check'],
    ['/agencies/xx/gongkai', 'check'],
    ['/search?q=1', 'check'],
    ['/api/v1/agencies/x/published-items/7/attachments/1', 'check'],
  ])('%s → %s', (path, action) => {
    expect(crawlAction(path, 'x')).toBe(action);
  });
});

describe('dead links', () => {
  it.each<[number, boolean]>([
    [200, false],
    [204, false],
    [304, false],
    [400, true],
    [404, true],
    [410, true],
    [500, true],
    [503, true],
  ])('status %i dead: %s', (status, dead) => {
    expect(isDeadStatus(status)).toBe(dead);
  });

  it.each<[Pick<DeadLink, 'status' | 'error'>, string]>([
    [{ status: 404, error: null }, '404（未找到）'],
    [{ status: 500, error: null }, '500（服务器错误）'],
    [{ status: 599, error: null }, '599（服务器错误）'],
    [{ status: 418, error: null }, '418（无法访问）'],
    [{ status: null, error: 'timeout' }, '响应超时'],
    [{ status: null, error: 'file_missing' }, '附件文件缺失'],
    [{ status: null, error: null }, '无法访问'],
  ])('reads %o as %s', (link, reason) => {
    expect(deadReason(link)).toBe(reason);
  });

  const link = (url: string, kind: DeadLink['kind'] = 'internal'): DeadLink => ({
    url,
    kind,
    status: 404,
    error: null,
    pages: ['/agencies/x/gongkai'],
    pageCount: 1,
  });

  it('keeps the day a link was first seen from the check before; a new one starts today', () => {
    const previous = new Map([
      ['internal /a', '2026-11-30'],
      ['internal /b', '2026-12-01'],
    ]);
    const found = [link('/a'), link('/b', 'external'), link('/c')];
    expect(carryFirstSeen(found, previous, '2026-12-07').map((d) => [d.url, d.firstSeen])).toEqual([
      ['/a', '2026-11-30'],
      ['/b', '2026-12-07'],
      ['/c', '2026-12-07'],
    ]);
  });
});

describe('planExternal', () => {
  const now = new Date('2026-12-07T02:00:00Z');
  it.each<
    [
      string,
      string[],
      Array<[string, string]>,
      number,
      { check: string[]; cached: string[]; deferred: string[] },
    ]
  >([
    [
      'never checked: all within the budget',
      ['https://a/1', 'https://b/1'],
      [],
      5,
      {
        check: ['https://a/1', 'https://b/1'],
        cached: [],
        deferred: [],
      },
    ],
    [
      'checked 3 days ago: the cache answers',
      ['https://a/1'],
      [['https://a/1', '2026-12-04T02:00:00Z']],
      5,
      {
        check: [],
        cached: ['https://a/1'],
        deferred: [],
      },
    ],
    [
      'checked 7 days ago: due again',
      ['https://a/1'],
      [['https://a/1', '2026-11-30T02:00:00Z']],
      5,
      {
        check: ['https://a/1'],
        cached: [],
        deferred: [],
      },
    ],
    [
      'over the budget: never checked first, then the oldest; the rest deferred',
      ['https://a/3', 'https://a/2', 'https://a/1', 'https://a/2'],
      [
        ['https://a/2', '2026-11-01T00:00:00Z'],
        ['https://a/3', '2026-10-01T00:00:00Z'],
      ],
      2,
      { check: ['https://a/1', 'https://a/3'], cached: [], deferred: ['https://a/2'] },
    ],
    [
      'a budget of 0 checks nothing',
      ['https://a/1'],
      [],
      0,
      { check: [], cached: [], deferred: ['https://a/1'] },
    ],
  ])('%s', (_, urls, checked, budget, expected) => {
    expect(planExternal(urls, new Map(checked), { now, cacheDays: 7, budget })).toEqual(expected);
  });

  it.each([
    ['https://www.gov.cn/a', 'www.gov.cn'],
    ['http://127.0.0.1:8080/x', '127.0.0.1:8080'],
    ['HTTPS://WWW.GOV.CN/', 'www.gov.cn'],
    ['not an address', ''],
  ])('the host of %s is %s', (url, host) => {
    expect(hostOf(url)).toBe(host);
  });
});

describe('the links.dead indicator', () => {
  const input: InspectionInput = {
    today: '2026-12-07',
    columns: [],
    lastPublishedOn: '2026-12-06',
    policies: [],
    policiesByYear: [],
    interpretations: [],
  };
  const dead = (n: number): StoredDeadLink[] =>
    Array.from({ length: n }, (_, i) => ({
      url: `/agencies/x/items/${i}`,
      kind: 'internal',
      status: 404,
      error: null,
      pages: ['/agencies/x/gongkai'],
      pageCount: 1,
      firstSeen: '2026-12-01',
    }));
  const links = (results: IndicatorResult[]) => results.find((r) => r.indicator === 'links.dead');

  it.each<[string, InspectionInput['links'], number | null, IndicatorResult['state'], number]>([
    ['never checked: 预警, nothing known', null, null, 'alarm', 0],
    ['checked, none dead: 合格', { checkedOn: '2026-12-07', dead: [] }, 0, 'ok', 0],
    ['one dead link: 不合格, but no veto', { checkedOn: '2026-12-06', dead: dead(1) }, 1, 'failed', 1],
    ['150 dead: the first 100 listed', { checkedOn: '2026-12-06', dead: dead(150) }, 150, 'failed', 100],
  ])('%s', (_, checked, value, state, listed) => {
    const result = links(inspect({ ...input, links: checked }));
    expect(result).toMatchObject({ value, state, veto: false });
    expect(result?.details.links).toHaveLength(listed);
    expect(result?.details.checkedOn).toBe(checked?.checkedOn ?? null);
  });

  it('names the reason of each dead link and is no 单项否决', () => {
    const result = links(inspect({ ...input, links: { checkedOn: '2026-12-06', dead: dead(1) } }));
    expect(result?.details.links?.[0]).toMatchObject({ reason: '404（未找到）', firstSeen: '2026-12-01' });
    expect(INDICATORS['links.dead'].veto).toBe(false);
  });
});
