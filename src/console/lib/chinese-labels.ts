/**
 * Ant Design names some of its own controls in English, and no setting changes it: every icon
 * (`<span role="img" aria-label="search">`), a select's clear button (`Clear`). `chineseIconLabel`
 * decides what an icon should say instead: nothing (aria-hidden) when its control is named
 * otherwise or it is decoration, or its Chinese name when it is the only thing naming a control;
 * `chineseLabel` translates the other fixed English labels. `installChineseLabels` applies both to
 * everything the console renders.
 */

/** The Chinese names of the icons that can be a control's only content. */
export const ICON_LABELS: Readonly<Record<string, string>> = {
  search: '搜索',
  'close-circle': '清除',
  close: '关闭',
  down: '展开',
  up: '收起',
  left: '上一页',
  right: '下一页',
  'double-left': '向前五页',
  'double-right': '向后五页',
  copy: '复制',
  check: '已复制',
  menu: '菜单',
  delete: '删除',
  edit: '修改',
  plus: '添加',
  upload: '上传',
  download: '下载',
  eye: '显示',
  'eye-invisible': '隐藏',
};

/**
 * What an icon named `name` should be labelled: `null` to hide it from assistive technology
 * (its control has a name of its own: text, aria-label or title; or it is not in a control), or
 * its Chinese name.
 */
export function chineseIconLabel(name: string, control: { named: boolean } | null): string | null {
  if (!control || control.named) return null;
  return ICON_LABELS[name] ?? null;
}

/** Ant Design's other fixed English labels (rc-select, rc-input-number, the table's selection). */
const FIXED_LABELS: ReadonlyArray<[RegExp, (match: RegExpMatchArray) => string]> = [
  [/^Clear$/, () => '清除'],
  [/^Increase Value$/, () => '增加'],
  [/^Decrease Value$/, () => '减少'],
  [/^Select all$/, () => '全选'],
  [/^Select row (\d+)$/, (m) => `选择第 ${m[1]} 行`],
  [/^Row (\d+) selected$/, (m) => `已选择第 ${m[1]} 行`],
];

/** The Chinese for one of Ant Design's fixed English labels; `null` for any other label. */
export function chineseLabel(label: string): string | null {
  for (const [pattern, chinese] of FIXED_LABELS) {
    const match = label.match(pattern);
    if (match) return chinese(match);
  }
  return null;
}

const CONTROL =
  'button, a, [role="button"], [role="switch"], [tabindex], .ant-select-clear, .ant-input-clear-icon, .ant-picker-clear';

/** The control an icon sits in, and whether it is named by something other than its icons. */
function controlOf(icon: Element): { named: boolean } | null {
  const control = icon.parentElement?.closest(CONTROL);
  if (!control) return null;
  if (control.getAttribute('aria-label') || control.getAttribute('title')) return { named: true };
  const text = Array.from(control.childNodes)
    .filter((node) => !(node instanceof Element && node.classList.contains('anticon')))
    .map((node) => node.textContent ?? '')
    .join('')
    .trim();
  return { named: text.length > 0 };
}

function relabel(element: Element): void {
  const english = element.getAttribute('aria-label');
  if (!english || !/^[A-Za-z][A-Za-z0-9 -]*$/.test(english)) return;
  if (!element.matches('.anticon[role="img"]')) {
    const chinese = chineseLabel(english);
    if (chinese) element.setAttribute('aria-label', chinese);
    return;
  }
  const label = chineseIconLabel(english, controlOf(element));
  if (label) {
    element.setAttribute('aria-label', label);
    return;
  }
  element.removeAttribute('aria-label');
  element.setAttribute('aria-hidden', 'true');
}

function relabelWithin(root: Element): void {
  if (root.hasAttribute('aria-label')) relabel(root);
  for (const element of Array.from(root.querySelectorAll('[aria-label]'))) relabel(element);
}

/** Relabels `root` now and whenever an element is added or React sets its label again. */
export function installChineseLabels(root: HTMLElement): MutationObserver {
  relabelWithin(root);
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'attributes' && mutation.target instanceof Element) relabel(mutation.target);
      for (const node of Array.from(mutation.addedNodes)) if (node instanceof Element) relabelWithin(node);
    }
  });
  observer.observe(root, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['aria-label'],
  });
  return observer;
}
